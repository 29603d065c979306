import type { BookingDetails } from 'hamro-concert.contracts';
import { SeatRows, type SeatRow } from '../../../components/ui/seat-rows';
import { formatMoney } from '../../../lib/format';
import styles from './bookings.module.css';

type BookedSeat = BookingDetails['seats'][number];

function seatInRow(seat: BookedSeat): string {
  return /(\d+)\s*$/.exec(seat.seatNumber)?.[1] ?? seat.seatNumber;
}

/** "VIP, row 2 · Seats 11, 12 · $200.00", one line per section and row. */
export function BookingSeats({ seats, currency }: { seats: BookingDetails['seats']; currency: string }) {
  const groups: { key: string; place: string; numbers: string[]; price: string }[] = [];
  for (const seat of seats) {
    const key = `${seat.tierName}-${seat.row}`;
    const group = groups.find((g) => g.key === key);
    if (group) group.numbers.push(seatInRow(seat));
    else
      groups.push({ key, place: `${seat.tierName}, row ${seat.row}`, numbers: [seatInRow(seat)], price: seat.price });
  }
  const rows: SeatRow[] = groups.map(({ price, ...group }) => ({
    ...group,
    extra: <span className={styles.seatPrice}>{formatMoney(price, currency)} each</span>,
  }));
  return (
    <SeatRows
      rows={rows}
      label="Booked seats"
      classNames={{ list: styles.seats, item: styles.seatGroup, place: styles.seatPlace }}
    />
  );
}
