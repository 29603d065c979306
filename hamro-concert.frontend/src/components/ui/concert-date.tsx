import { useTranslation } from 'react-i18next';
import { formatConcertDate, formatConcertDayBs } from '../../lib/format';
import styles from './concert-date.module.css';

interface ConcertDateProps {
  concert: { date: string; time: string; timeZone: string; startsAt: string };
}

/** When a concert is, on the venue's clock, and the same day in Bikram Sambat as Nepal's posters print it. */
export function ConcertDate({ concert }: ConcertDateProps) {
  const { t } = useTranslation();
  const bs = formatConcertDayBs(concert.date);
  return (
    <>
      <time dateTime={concert.startsAt}>{formatConcertDate(concert.date, concert.time, concert.timeZone)}</time>
      {bs ? (
        <span className={styles.bs} title={t('concerts.bsDate')}>
          {bs}
        </span>
      ) : null}
    </>
  );
}
