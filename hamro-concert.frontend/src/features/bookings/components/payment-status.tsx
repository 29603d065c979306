import type { BookingDetails, PaymentMethod, PaymentResult } from 'hamro-concert.contracts';
import { Link } from 'react-router';
import { buttonClass } from '../../../components/ui/button';
import { useNow } from '../../../lib/use-now';
import type { BookingLookup } from '../lib/lookup';
import { paymentView, type PaymentView } from '../lib/payment-view';
import { PaymentChoices } from './payment-choices';
import { PaymentCountdown } from './payment-countdown';
import { PaymentOutcome } from './payment-outcome';
import styles from './payment.module.css';
import { Trans, useTranslation } from 'react-i18next';
import { i18n } from '../../../i18n/i18n';

interface PaymentStatusProps {
  booking: BookingDetails;
  lookup: BookingLookup;
  /** What the return from the provider said; null when the buyer came to pay (or pay again). */
  result: PaymentResult | null;
  /** The ways the booking's concert can be paid for; null while they load. */
  methods: readonly PaymentMethod[] | null;
  /** The concert's page: where to choose seats again. */
  concertHref: string;
  /** Ask for the booking again. */
  onChanged: () => void;
}

function headline(view: PaymentView, result: PaymentResult | null): string {
  switch (view) {
    case 'paid':
      return i18n.t('payment.headlines.paid');
    case 'at-door':
    case 'booked':
      return i18n.t('payment.headlines.booked');
    case 'confirming':
      return i18n.t('payment.headlines.confirming');
    case 'expired':
      return i18n.t('payment.headlines.expired');
    case 'cancelled':
      return i18n.t('payment.headlines.cancelled');
    case 'choose':
      if (result === 'cancelled') return i18n.t('payment.headlines.paymentCancelled');
      return result === null ? i18n.t('payment.headlines.choose') : i18n.t('payment.headlines.failed');
  }
}

/** The payment page's answer for one booking; a polite live region says each change of headline. */
export function PaymentStatus({ booking, lookup, result, methods, concertHref, onChanged }: PaymentStatusProps) {
  const { t } = useTranslation();
  const due = booking.payment.dueAt ? Date.parse(booking.payment.dueAt) : null;
  // Wakes once, when the time to pay runs out, so that the page says so without a reload.
  const now = useNow((current) => (due !== null && current < due ? due : null));
  const view = paymentView(booking, result, now);
  const title = headline(view, result);
  const refundNote = booking.payment.state === 'refund_due' || booking.payment.state === 'refunded';
  return (
    <article className={styles.page} aria-labelledby="payment-headline" data-view={view}>
      <p role="status" aria-live="polite" className="visually-hidden">
        {title}
      </p>
      <h1 id="payment-headline" className={`${styles.headline} ${styles[view] ?? ''}`}>
        {title}
      </h1>
      <p className={styles.concert}>
        <Trans
          i18nKey="payment.concertBooking"
          values={{ concert: booking.concert.title, reference: booking.reference }}
          components={{ ref: <span className={styles.reference} /> }}
        />
      </p>
      {view === 'paid' || view === 'at-door' || view === 'booked' ? <PaymentOutcome booking={booking} /> : null}
      {view === 'confirming' ? <p className={styles.lead}>{t('payment.confirming')}</p> : null}
      {view === 'choose' && booking.payment.dueAt ? <PaymentCountdown dueAt={booking.payment.dueAt} /> : null}
      {view === 'choose' ? (
        <PaymentChoices lookup={lookup} methods={methods} testMode={booking.payment.testMode} onChanged={onChanged} />
      ) : null}
      {view === 'expired' || view === 'cancelled' ? (
        <>
          <p className={styles.lead}>
            {view === 'expired' ? t('payment.released') : ''}
            {refundNote ? t('payment.refunding') : ''}
          </p>
          <Link to={concertHref} className={buttonClass('primary')}>
            {t('payment.chooseAgain')}
          </Link>
        </>
      ) : null}
    </article>
  );
}
