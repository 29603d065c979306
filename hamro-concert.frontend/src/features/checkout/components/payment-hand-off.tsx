import type { Booking, OnlinePaymentMethod } from 'hamro-concert.contracts';
import { useEffect, useRef } from 'react';
import { Link } from 'react-router';
import { Button, buttonClass } from '../../../components/ui/button';
import { ProblemNotice } from '../../../components/ui/problem-notice';
import { isRetryable, type ApiError } from '../../../lib/api-client';
import { formatMoney, formatTimeOfDay } from '../../../lib/format';
import { providerName } from '../../../lib/payment-methods';
import { paymentProblem } from '../lib/payment-problem';
import styles from './payment.module.css';
import { Trans, useTranslation } from 'react-i18next';

interface PaymentHandOffProps {
  /** The booking just made, waiting for its payment. */
  booking: Booking;
  method: OnlinePaymentMethod;
  /** ISO 4217 code of the concert's prices. */
  currency: string;
  /** Starting the payment, or already on the way to the provider. */
  leaving: boolean;
  error: ApiError | null;
  onRetry: () => void;
  /** The payment page of this booking, where another way to pay can be chosen. */
  paymentHref: string;
}

/** After an online booking: "Taking you to Khalti…", or why not, with another try and other ways to pay. */
export function PaymentHandOff({
  booking,
  method,
  currency,
  leaving,
  error,
  onRetry,
  paymentHref,
}: PaymentHandOffProps) {
  const { t } = useTranslation();
  const title = useRef<HTMLHeadingElement>(null);
  // The form is gone: the buyer is taken to what happens to their booking now.
  useEffect(() => title.current?.focus(), []);
  const provider = providerName(method);
  const until = booking.payment.dueAt ? formatTimeOfDay(booking.payment.dueAt) : null;
  const amount = formatMoney(booking.totalAmount, currency);
  const problem = error ? paymentProblem(error, provider, until) : null;
  return (
    <section className={styles.handOff} aria-labelledby="pay-title">
      <h2 id="pay-title" ref={title} tabIndex={-1} className={styles.handOffTitle}>
        {t('checkout.payTitle', { amount, provider })}
      </h2>
      <p>
        <Trans
          i18nKey="checkout.bookingMade"
          values={{ reference: booking.reference }}
          components={{ ref: <span className={styles.reference} /> }}
        />
        {until ? t('checkout.heldWhilePaying', { until }) : ''}
      </p>
      <p role="status" className={styles.leaving}>
        {leaving ? t('checkout.leaving', { provider }) : ''}
      </p>
      {problem ? (
        <ProblemNotice title={problem.title}>
          {problem.lines.map((line) => (
            <p key={line}>{line}</p>
          ))}
        </ProblemNotice>
      ) : null}
      {error && isRetryable(error) ? (
        <Button block onClick={onRetry} disabled={leaving}>
          {t('checkout.retryProvider', { provider })}
        </Button>
      ) : null}
      {error ? (
        <Link to={paymentHref} className={buttonClass('secondary', true)}>
          {t('checkout.anotherWay')}
        </Link>
      ) : null}
      {booking.payment.testMode ? <p className={styles.testMode}>{t('common.testMode')}</p> : null}
    </section>
  );
}
