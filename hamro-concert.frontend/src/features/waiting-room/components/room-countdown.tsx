import { nextCountdownChange, timeUntilText } from '../../../lib/sales-window';
import { useNow } from '../../../lib/use-now';
import styles from './waiting-room.module.css';

interface RoomCountdownProps {
  /** "Joining opens in", "Sales open in" */
  label: string;
  /** The moment, as an ISO instant. */
  at: string;
}

/**
 * How long until a moment of the on-sale: "2 h 03 min", then "00:42" each second in the last hour.
 * Not a live region, so a screen reader is not told every second. A timer moves it on; nothing is fetched.
 */
export function RoomCountdown({ label, at }: RoomCountdownProps) {
  const moment = Date.parse(at);
  const now = useNow((current) => nextCountdownChange(moment, current));
  if (Number.isNaN(moment) || now >= moment) return null;
  return (
    <p className={styles.countdown}>
      {label}{' '}
      <span role="timer" aria-live="off" className={styles.clock}>
        {timeUntilText(moment - now)}
      </span>
    </p>
  );
}
