import type { BookingDetails } from 'hamro-concert.contracts';
import { Link } from 'react-router';
import { buttonClass } from '../../../components/ui/button';
import { rememberPayment } from '../../../lib/payment-handoff';
import type { BookingLookup } from '../lib/lookup';
import { attemptWords, paymentWords, refundWords } from '../lib/payment-words';
import styles from './bookings.module.css';

interface BookingPaymentProps {
  booking: BookingDetails;
  lookup: BookingLookup;
  /** The payment page of this booking, where an unpaid one is paid. */
  paymentHref: string;
}

/** How the booking is paid, in words; each online attempt with its refund; and "Continue paying" while it waits. */
export function BookingPayment({ booking, lookup, paymentHref }: BookingPaymentProps) {
  const { attempts } = booking.payment;
  const currency = booking.concert.currency;
  const awaiting = booking.status === 'awaiting_payment';
  return (
    <section className={styles.payment} aria-labelledby="payment-title">
      <h3 id="payment-title" className={styles.ticketsTitle}>
        Payment
      </h3>
      <p className={styles.paymentState} data-testid="payment-state">
        {paymentWords(booking)}
      </p>
      {awaiting ? (
        <>
          <p className={styles.note}>The tickets come once the booking is paid; its seats are held until then.</p>
          {/* The payment page finds the booking again with the email kept for this tab. */}
          <Link to={paymentHref} className={buttonClass('primary')} onClick={() => rememberPayment(lookup)}>
            Continue paying
          </Link>
        </>
      ) : null}
      {attempts.length > 0 ? (
        <ul className={styles.attempts} aria-label="Online payments">
          {attempts.map((attempt) => (
            <li key={attempt.id}>
              <span>{attemptWords(attempt, currency)}</span>
              {refundWords(attempt, currency) ? (
                <span className={styles.refund}>{refundWords(attempt, currency)}</span>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
