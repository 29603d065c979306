import type { BookingDetails } from 'hamro-concert.contracts';
import { TicketList } from '../../../components/ui/ticket-list';
import { formatMoney } from '../../../lib/format';
import { providerName } from '../../../lib/payment-methods';
import { bookingTickets } from '../lib/booking-tickets';
import styles from './payment.module.css';

/** What a confirmed booking's payment page says: how it was paid (or is to be), then its tickets. */
export function PaymentOutcome({ booking }: { booking: BookingDetails }) {
  const { payment } = booking;
  const total = formatMoney(booking.totalAmount, booking.concert.currency);
  const online = payment.method === 'khalti' || payment.method === 'esewa' ? payment.method : null;
  return (
    <>
      {payment.state === 'paid' && online ? (
        <p className={styles.lead}>
          {total} paid with {providerName(online)}. Your booking is confirmed.
        </p>
      ) : null}
      {payment.state === 'cash_collected' ? <p className={styles.lead}>{total} paid in cash at the door.</p> : null}
      {payment.state === 'at_door' ? <p className={styles.atDoor}>Pay {total} in cash at the door.</p> : null}
      <h2 className={styles.ticketsTitle}>Your tickets</h2>
      <p className={styles.note}>Each ticket lets one person in. Show its QR code (or its code) at the door.</p>
      <TicketList tickets={bookingTickets(booking)} />
    </>
  );
}
