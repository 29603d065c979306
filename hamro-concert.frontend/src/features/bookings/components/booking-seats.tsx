import type { BookingDetails } from 'hamro-concert.contracts';
import { SeatRows, type SeatRow } from '../../../components/ui/seat-rows';
import { formatDigits, formatMoney } from '../../../lib/format';
import styles from './bookings.module.css';
import { useTranslation } from 'react-i18next';

type BookedSeat = BookingDetails['seats'][number];

function seatInRow(seat: BookedSeat): string {
  return /(\d+)\s*$/.exec(seat.seatNumber)?.[1] ?? seat.seatNumber;
}

/** "VIP, row 2 · Seats 11, 12 · $200.00", one line per section and row. */
export function BookingSeats({ seats, currency }: { seats: BookingDetails['seats']; currency: string }) {
  const { t } = useTranslation();
  const groups: { key: string; place: string; numbers: string[]; price: string }[] = [];
  for (const seat of seats) {
    const key = `${seat.tierName}-${seat.row}`;
    const group = groups.find((g) => g.key === key);
    const number = formatDigits(seatInRow(seat));
    if (group) group.numbers.push(number);
    else {
      const place = t('seatMap.rowPlace', { section: seat.tierName, row: formatDigits(seat.row) });
      groups.push({ key, place, numbers: [number], price: seat.price });
    }
  }
  const rows: SeatRow[] = groups.map(({ price, ...group }) => ({
    ...group,
    extra: <span className={styles.seatPrice}>{t('booking.each', { price: formatMoney(price, currency) })}</span>,
  }));
  return (
    <SeatRows
      rows={rows}
      label={t('booking.bookedSeats')}
      classNames={{ list: styles.seats, item: styles.seatGroup, place: styles.seatPlace }}
    />
  );
}
