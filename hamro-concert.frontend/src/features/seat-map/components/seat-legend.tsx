import { CheckIcon, CrossIcon, HourglassIcon } from './seat-icons';
import styles from './seat-legend.module.css';
import { useTranslation } from 'react-i18next';
import { formatDigits } from '../../../lib/format';

/** What each seat look means. */
export function SeatLegend() {
  const { t } = useTranslation();
  return (
    <ul className={styles.legend} aria-label={t('seatMap.legend')}>
      <li className={styles.item}>
        <span className={`${styles.swatch} ${styles.available}`} aria-hidden="true">
          {formatDigits(7)}
        </span>
        {t('seatMap.legendAvailable')}
      </li>
      <li className={styles.item}>
        <span className={`${styles.swatch} ${styles.selected}`} aria-hidden="true">
          <CheckIcon />
        </span>
        {t('seatMap.legendChosen')}
      </li>
      <li className={styles.item}>
        <span className={`${styles.swatch} ${styles.booked}`} aria-hidden="true">
          <CrossIcon />
        </span>
        {t('seatMap.legendBooked')}
      </li>
      <li className={styles.item}>
        <span className={`${styles.swatch} ${styles.held}`} aria-hidden="true">
          <HourglassIcon />
        </span>
        {t('seatMap.legendHeld')}
      </li>
    </ul>
  );
}
