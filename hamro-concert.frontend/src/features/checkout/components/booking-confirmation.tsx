import type { Booking } from 'hamro-concert.contracts';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button';
import { Dialog } from '../../../components/ui/dialog';
import { SeatRows } from '../../../components/ui/seat-rows';
import { TicketList } from '../../../components/ui/ticket-list';
import { DEFAULT_CURRENCY, formatMoney, plural } from '../../../lib/format';
import { seatRows, type CheckoutSeat } from '../lib/checkout-seat';
import styles from './confirmation.module.css';
import paymentStyles from './payment.module.css';

interface BookingConfirmationProps {
  booking: Booking;
  seats: readonly CheckoutSeat[];
  concertTitle: string;
  concertWhen: string;
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
  findBookingHref,
  onClose,
}: BookingConfirmationProps) {
  const booked = seats.filter((seat) => booking.seatIds.includes(seat.id));
  const total = formatMoney(booking.totalAmount, seats[0]?.currency ?? DEFAULT_CURRENCY);
  const tickets = booking.tickets.map((ticket) => ({
    code: ticket.code,
    place: seats.find((seat) => seat.id === ticket.seatId)?.place ?? `Seat ${ticket.seatNumber}`,
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
          You're going to {concertTitle}!
        </h2>
        <p id="confirmation-summary" className={styles.summary}>
          {plural(booking.seatIds.length, 'seat')} booked for {booking.userName}.
        </p>
        <p className={styles.when}>{concertWhen}</p>
      </div>
      <div className={styles.body}>
        <div className={styles.reference}>
          <span className={styles.referenceLabel}>Booking reference</span>
          <strong className={styles.referenceCode} data-testid="booking-reference">
            {booking.reference}
          </strong>
          <span className={styles.referenceHint}>Show this at the door. Keep it somewhere safe.</span>
        </div>
        <h3 className={styles.subtitle}>Your seats</h3>
        <SeatRows
          rows={seatRows(booked)}
          classNames={{ list: styles.groups, item: styles.group, place: styles.groupPlace }}
        />
        <h3 className={styles.subtitle}>Your tickets</h3>
        <p className={styles.later}>Each ticket lets one person in. Show its QR code (or its code) at the door.</p>
        <TicketList tickets={tickets} />
        <dl className={styles.facts}>
          <div>
            <dt>Email</dt>
            <dd>{booking.userEmail}</dd>
          </div>
          <div className={styles.total}>
            <dt>Total</dt>
            <dd>{total}</dd>
          </div>
        </dl>
        {booking.payment.state === 'at_door' ? (
          <p className={paymentStyles.atDoor}>Pay {total} in cash at the door.</p>
        ) : null}
        <p className={styles.later}>
          Plans changed? <Link to={findBookingHref}>Find or cancel this booking</Link> with its reference and your
          email.
        </p>
        <Button block onClick={onClose} data-autofocus>
          Done
        </Button>
      </div>
    </Dialog>
  );
}
