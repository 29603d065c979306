import { seatsAndTotal } from '../../../lib/format';
import type { SeatSelection } from '../hooks/use-seat-selection';
import styles from './selection-bar.module.css';
import { useTranslation } from 'react-i18next';

/** On phones, where the booking form sits below the map: the selection so far and a jump to it. */
export function SelectionBar({ selection, targetId }: { selection: SeatSelection; targetId: string }) {
  const { t } = useTranslation();
  if (selection.seats.length === 0) return null;
  return (
    <div className={styles.bar}>
      <span className={styles.summary}>{seatsAndTotal(selection.seats)}</span>
      <a className={styles.link} href={`#${targetId}`}>
        {t('seatMap.continueToBook')}
      </a>
    </div>
  );
}
