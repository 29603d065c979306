import { formatClock, secondsLeft } from '../../../lib/countdown';
import { formatDigits, formatTimeOfDay } from '../../../lib/format';
import { useNow } from '../../../lib/use-now';
import styles from './payment.module.css';
import { Trans, useTranslation } from 'react-i18next';

/** Until when the booking's seats stay held for its payment, counting down each second. */
export function PaymentCountdown({ dueAt }: { dueAt: string }) {
  const { t } = useTranslation();
  const due = Date.parse(dueAt);
  const now = useNow((current) => (current < due ? Math.min(due, current - (current % 1000) + 1000) : null));
  const left = formatDigits(formatClock(secondsLeft(due, now)));
  return (
    <p className={styles.countdown}>
      <span>{t('payment.heldUntil', { until: formatTimeOfDay(dueAt) })}</span>{' '}
      <span>
        <Trans
          i18nKey="payment.leftToPay"
          values={{ left }}
          components={{
            timer: <strong role="timer" aria-label={t('checkout.timeLeft', { time: left })} className={styles.clock} />,
          }}
        />
      </span>
    </p>
  );
}
