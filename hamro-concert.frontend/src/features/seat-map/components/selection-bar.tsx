import { DEFAULT_CURRENCY, formatCents, plural } from '../../../lib/format';
import type { SeatSelection } from '../hooks/use-seat-selection';
import styles from './selection-bar.module.css';

/** On phones, where the booking form sits below the map: the selection so far and a jump to it. */
export function SelectionBar({ selection, targetId }: { selection: SeatSelection; targetId: string }) {
  if (selection.seats.length === 0) return null;
  const total = selection.seats.reduce((sum, seat) => sum + seat.priceCents, 0);
  return (
    <div className={styles.bar}>
      <span className={styles.summary}>
        {plural(selection.seats.length, 'seat')} ·{' '}
        {formatCents(total, selection.seats[0]?.currency ?? DEFAULT_CURRENCY)}
      </span>
      <a className={styles.link} href={`#${targetId}`}>
        Continue to book ↓
      </a>
    </div>
  );
}
