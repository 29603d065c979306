import type { TierSummary } from 'hamro-concert.contracts';
import { Link } from 'react-router';
import type { EditableConcert } from '../lib/concert-changes';
import { ConcertActions, type ConcertChangeHandlers } from './concert-actions';
import { ConcertSales } from './concert-sales';
import { RefundsDue } from './refunds-due';
import { TierWindows } from './tier-windows';
import { WaitingRoomPanel } from './waiting-room-panel';
import styles from './organizer.module.css';
import { useTranslation } from 'react-i18next';

export interface ListedConcert extends EditableConcert {
  currency: string;
  tiers: readonly TierSummary[];
  /** "Sat, 14 Mar 2026 · 7:00 PM · Tundikhel, Kathmandu" */
  when: string;
}

interface SalesOverviewProps extends ConcertChangeHandlers {
  concerts: readonly ListedConcert[];
  token: string;
  concertHref: (concertId: string) => string;
}

/**
 * Every concert with its sales, money and refunds due, its sales window per tier, its waiting room,
 * and buttons to change or delete it.
 */
export function SalesOverview({ concerts, token, concertHref, ...handlers }: SalesOverviewProps) {
  const { t } = useTranslation();
  if (concerts.length === 0) return <p className={styles.muted}>{t('organizer.noConcerts')}</p>;
  return (
    <ul className={styles.concerts}>
      {concerts.map((concert) => (
        <li key={concert.id} className={styles.concert}>
          <article aria-labelledby={`sales-${concert.id}`}>
            <h3 id={`sales-${concert.id}`} className={styles.concertTitle}>
              <Link to={concertHref(concert.id)}>{concert.title}</Link>
            </h3>
            <p className={styles.muted}>{concert.when}</p>
            <ConcertActions concert={concert} token={token} {...handlers} />
            <ConcertSales
              concertId={concert.id}
              title={concert.title}
              currency={concert.currency}
              token={token}
              onAccessRefused={handlers.onAccessRefused}
            />
            <RefundsDue
              concertId={concert.id}
              title={concert.title}
              currency={concert.currency}
              token={token}
              onAccessRefused={handlers.onAccessRefused}
            />
            <TierWindows title={concert.title} timeZone={concert.timeZone} tiers={concert.tiers} />
            <WaitingRoomPanel
              concertId={concert.id}
              title={concert.title}
              timeZone={concert.timeZone}
              token={token}
              onAccessRefused={handlers.onAccessRefused}
            />
          </article>
        </li>
      ))}
    </ul>
  );
}
