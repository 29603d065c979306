import { Link } from 'react-router';
import { ConcertSales } from './concert-sales';
import styles from './organizer.module.css';

export interface ListedConcert {
  id: string;
  title: string;
  /** "Sat, 14 Mar 2026 · 7:00 PM · Tundikhel, Kathmandu" */
  when: string;
}

interface SalesOverviewProps {
  concerts: readonly ListedConcert[];
  token: string;
  onAccessRefused: (error: unknown) => boolean;
  concertHref: (concertId: string) => string;
}

/** Every concert with its sales per tier. */
export function SalesOverview({ concerts, token, onAccessRefused, concertHref }: SalesOverviewProps) {
  if (concerts.length === 0) return <p className={styles.muted}>No concerts yet. Create the first one above.</p>;
  return (
    <ul className={styles.concerts}>
      {concerts.map((concert) => (
        <li key={concert.id} className={styles.concert}>
          <article aria-labelledby={`sales-${concert.id}`}>
            <h3 id={`sales-${concert.id}`} className={styles.concertTitle}>
              <Link to={concertHref(concert.id)}>{concert.title}</Link>
            </h3>
            <p className={styles.muted}>{concert.when}</p>
            <ConcertSales
              concertId={concert.id}
              title={concert.title}
              token={token}
              onAccessRefused={onAccessRefused}
            />
          </article>
        </li>
      ))}
    </ul>
  );
}
