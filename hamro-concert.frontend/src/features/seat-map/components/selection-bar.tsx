import { seatsAndTotal } from '../../../lib/format';
import type { SeatSelection } from '../hooks/use-seat-selection';
import styles from './selection-bar.module.css';

/** On phones, where the booking form sits below the map: the selection so far and a jump to it. */
export function SelectionBar({ selection, targetId }: { selection: SeatSelection; targetId: string }) {
  if (selection.seats.length === 0) return null;
  return (
    <div className={styles.bar}>
      <span className={styles.summary}>{seatsAndTotal(selection.seats)}</span>
      <a className={styles.link} href={`#${targetId}`}>
        Continue to book ↓
      </a>
    </div>
  );
}
