import type { Booking } from 'hamro-concert.contracts';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { SeatRows } from '../../../components/ui/seat-rows';
import { TicketList } from '../../../components/ui/ticket-list';
import { DEFAULT_CURRENCY, formatDigits, formatMoney } from '../../../lib/format';
import { seatRows, type CheckoutSeat } from '../lib/checkout-seat';
import styles from './confirmation.module.css';
import paymentStyles from './payment.module.css';
import { Trans, useTranslation } from 'react-i18next';

interface BookingConfirmationProps {
  booking: Booking;
  seats: readonly CheckoutSeat[];
  concertTitle: string;
  concertWhen: string;
  /** The concert's day in Bikram Sambat, shown under `concertWhen`. */
  concertDayBs?: string;
  /** Where this booking can be looked up (and cancelled) later. */
  findBookingHref: string;
  onClose: () => void;
}

/** The booking went through: the reference to keep, the seats by section and row, the total. */
export function BookingConfirmation({
  booking,
  seats,
  concertTitle,
  concertWhen,
  concertDayBs,
  findBookingHref,
  onClose,
}: BookingConfirmationProps) {
  const { t } = useTranslation();
  const booked = seats.filter((seat) => booking.seatIds.includes(seat.id));
  const total = formatMoney(booking.totalAmount, seats[0]?.currency ?? DEFAULT_CURRENCY);
  const tickets = booking.tickets.map((ticket) => ({
    code: ticket.code,
    place:
      seats.find((seat) => seat.id === ticket.seatId)?.place ??
      t('checkout.seatFallback', { seat: formatDigits(ticket.seatNumber) }),
  }));
  return (
    <Dialog
      labelledBy="confirmation-title"
      describedBy="confirmation-summary"
      onClose={onClose}
      // The form is gone once the seats are booked: focus goes back to the top of the booking panel.
      fallbackFocus={() => document.getElementById('selection-title') ?? document.getElementById('details-title')}
    >
      <div className={styles.banner}>
        <span className={styles.tick} aria-hidden="true">
          ✓
        </span>
        <h2 id="confirmation-title" className={styles.title}>
          {t('checkout.goingTo', { concert: concertTitle })}
        </h2>
        <p id="confirmation-summary" className={styles.summary}>
          {t('checkout.bookedFor', {
            seats: t('common.seatCount', { count: booking.seatIds.length }),
            name: booking.userName,
          })}
        </p>
        <p className={styles.when}>{concertWhen}</p>
        {concertDayBs ? <p className={styles.when}>{concertDayBs}</p> : null}
      </div>
      <div className={styles.body}>
        <div className={styles.reference}>
          <span className={styles.referenceLabel}>{t('checkout.reference')}</span>
          <strong className={styles.referenceCode} data-testid="booking-reference">
            {booking.reference}
          </strong>
          <span className={styles.referenceHint}>{t('checkout.referenceHint')}</span>
        </div>
        <h3 className={styles.subtitle}>{t('checkout.yourSeats')}</h3>
        <SeatRows
          rows={seatRows(booked)}
          classNames={{ list: styles.groups, item: styles.group, place: styles.groupPlace }}
        />
        <h3 className={styles.subtitle}>{t('checkout.yourTickets')}</h3>
        <p className={styles.later}>{t('checkout.ticketsHint')}</p>
        <TicketList tickets={tickets} />
        <dl className={styles.facts}>
          <div>
            <dt>{t('common.email')}</dt>
            <dd>{booking.userEmail}</dd>
          </div>
          <div className={styles.total}>
            <dt>{t('common.total')}</dt>
            <dd>{total}</dd>
          </div>
        </dl>
        {booking.payment.state === 'at_door' ? (
          <p className={paymentStyles.atDoor}>{t('common.payAtDoorTotal', { total })}</p>
        ) : null}
        <p className={styles.later}>
          <Trans i18nKey="checkout.plansChanged" components={{ lookup: <Link to={findBookingHref} /> }} />
        </p>
        <Button block onClick={onClose} data-autofocus>
          {t('checkout.done')}
        </Button>
      </div>
    </Dialog>
  );
}
