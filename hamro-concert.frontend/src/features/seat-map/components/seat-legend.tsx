import { CheckIcon, CrossIcon, HourglassIcon } from './seat-icons';
import styles from './seat-legend.module.css';

/** What each seat look means. */
export function SeatLegend() {
  return (
    <ul className={styles.legend} aria-label="Seat key">
      <li className={styles.item}>
        <span className={`${styles.swatch} ${styles.available}`} aria-hidden="true">
          7
        </span>
        Available
      </li>
      <li className={styles.item}>
        <span className={`${styles.swatch} ${styles.selected}`} aria-hidden="true">
          <CheckIcon />
        </span>
        Your choice
      </li>
      <li className={styles.item}>
        <span className={`${styles.swatch} ${styles.booked}`} aria-hidden="true">
          <CrossIcon />
        </span>
        Booked
      </li>
      <li className={styles.item}>
        <span className={`${styles.swatch} ${styles.held}`} aria-hidden="true">
          <HourglassIcon />
        </span>
        On hold
      </li>
    </ul>
  );
}
