import type { BookingDetails } from 'hamro-concert.contracts';
import { Link } from 'react-router';
import { buttonClass } from '../../../components/ui/button';
import { rememberPayment } from '../../../lib/payment-handoff';
import type { BookingLookup } from '../lib/lookup';
import { attemptWords, paymentWords, refundWords } from '../lib/payment-words';
import styles from './bookings.module.css';
import { useTranslation } from 'react-i18next';

interface BookingPaymentProps {
  booking: BookingDetails;
  lookup: BookingLookup;
  /** The payment page of this booking, where an unpaid one is paid. */
  paymentHref: string;
}

/** How the booking is paid, in words; each online attempt with its refund; and "Continue paying" while it waits. */
export function BookingPayment({ booking, lookup, paymentHref }: BookingPaymentProps) {
  const { t } = useTranslation();
  const { attempts } = booking.payment;
  const currency = booking.concert.currency;
  const awaiting = booking.status === 'awaiting_payment';
  return (
    <section className={styles.payment} aria-labelledby="payment-title">
      <h3 id="payment-title" className={styles.ticketsTitle}>
        {t('payment.title')}
      </h3>
      <p className={styles.paymentState} data-testid="payment-state">
        {paymentWords(booking)}
      </p>
      {awaiting ? (
        <>
          <p className={styles.note}>{t('payment.ticketsAfterPaying')}</p>
          {/* The payment page finds the booking again with the email kept for this tab. */}
          <Link to={paymentHref} className={buttonClass('primary')} onClick={() => rememberPayment(lookup)}>
            {t('payment.continuePaying')}
          </Link>
        </>
      ) : null}
      {attempts.length > 0 ? (
        <ul className={styles.attempts} aria-label={t('payment.onlinePayments')}>
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
