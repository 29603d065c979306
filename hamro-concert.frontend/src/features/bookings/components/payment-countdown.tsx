import { formatClock, secondsLeft } from '../../../lib/countdown';
import { formatTimeOfDay } from '../../../lib/format';
import { useNow } from '../../../lib/use-now';
import styles from './payment.module.css';

/** Until when the booking's seats stay held for its payment, counting down each second. */
export function PaymentCountdown({ dueAt }: { dueAt: string }) {
  const due = Date.parse(dueAt);
  const now = useNow((current) => (current < due ? Math.min(due, current - (current % 1000) + 1000) : null));
  const left = formatClock(secondsLeft(due, now));
  return (
    <p className={styles.countdown}>
      <span>Your seats are still held for you until {formatTimeOfDay(dueAt)}.</span>{' '}
      <span>
        <strong role="timer" aria-label={`${left} left`} className={styles.clock}>
          {left}
        </strong>{' '}
        left to pay
      </span>
    </p>
  );
}
