import type { Concert } from 'hamro-concert.contracts';
import { Skeleton } from '../../../components/ui/skeleton';
import { ticketsLeftText } from './availability';
import { ConcertImage } from './concert-image';
import styles from './concert-details.module.css';
import { SalesNotice } from './sales-notice';
import { useTranslation } from 'react-i18next';
import { ConcertDate } from '../../../components/ui/concert-date';

interface ConcertDetailsProps {
  concert: Concert;
  /** The seat map is on the page below (false while a waiting room stands in its place). */
  seatsShown?: boolean;
}

/** The top of a concert's page: artwork, when and where, how many tickets are left and when they sell. */
export function ConcertDetails({ concert, seatsShown = true }: ConcertDetailsProps) {
  useTranslation();
  return (
    <header className={styles.details}>
      <ConcertImage src={concert.image} className={styles.media} />
      <div className={styles.text}>
        <p className={styles.when}>
          <ConcertDate concert={concert} />
        </p>
        <h1 className={styles.title}>{concert.title}</h1>
        <p className={styles.artist}>{concert.artist}</p>
        <p className={styles.where}>
          {concert.venue}, {concert.city}
        </p>
        {concert.description ? <p className={styles.description}>{concert.description}</p> : null}
        <p className={styles.summary}>
          <span className={styles.badge}>{ticketsLeftText(concert)}</span>
        </p>
        <SalesNotice concert={concert} detailed seatsShown={seatsShown} />
      </div>
    </header>
  );
}

export function ConcertDetailsSkeleton() {
  return (
    <div className={styles.details} aria-hidden="true">
      <Skeleton height="auto" style={{ aspectRatio: '16 / 9' }} />
      <div className={styles.text}>
        <Skeleton width="40%" height="0.9rem" />
        <Skeleton width="70%" height="2.2rem" />
        <Skeleton width="35%" />
        <Skeleton width="55%" />
        <Skeleton height="3rem" />
      </div>
    </div>
  );
}
