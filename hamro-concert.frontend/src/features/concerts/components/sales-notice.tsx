import type { Concert } from 'hamro-concert.contracts';
import { useState } from 'react';
import { formatVenueInstant } from '../../../lib/format';
import {
  concertWindows,
  earliest,
  nextBound,
  nextCountdownChange,
  salesPhase,
  tierWindow,
  timeUntilText,
} from '../../../lib/sales-window';
import { useNow } from '../../../lib/use-now';
import styles from './sales-notice.module.css';

interface SalesNoticeProps {
  concert: Concert;
  /** On the concert's own page: it says what that means for the map, names tiers with a window of their own, and announces the opening. */
  detailed?: boolean;
  /** On the concert's page, whether its seat map is shown (not while a waiting room stands in its place): only then does the notice speak of the seats. */
  seatsShown?: boolean;
}

/** "VIP: on sale now" for a tier whose own window puts it ahead of (or behind) the concert's; null for the rest. */
function tierNote(concert: Concert, tier: Concert['tiers'][number], now: number): string | null {
  if (tier.salesOpenAt === null && tier.salesCloseAt === null) return null;
  const window = tierWindow(concert, tier);
  const phase = salesPhase(window, now);
  if (phase === salesPhase(concert, now) && window.salesOpenAt === concert.salesOpenAt) return null;
  if (phase === 'open') return `${tier.name}: on sale now`;
  if (phase === 'closed') return `${tier.name}: sales have closed`;
  return `${tier.name}: sales open ${formatVenueInstant(window.salesOpenAt ?? '', concert.timeZone)}`;
}

/**
 * Before sales open, when they open on the venue's clock and a countdown to it ("opens in 2 h 03 min",
 * then "00:42" each second in the last hour); after they close, that they have. The countdown is not a
 * live region, so screen readers are not told every second; on the concert's page a polite one says
 * once that sales have opened. A timer moves it on; nothing is fetched.
 */
export function SalesNotice({ concert, detailed = false, seatsShown = true }: SalesNoticeProps) {
  const { salesOpenAt } = concert;
  const opensAt = salesOpenAt === null ? null : Date.parse(salesOpenAt);
  const now = useNow((current) =>
    earliest(
      nextBound(concertWindows(concert), current),
      opensAt === null ? null : nextCountdownChange(opensAt, current),
    ),
  );
  const phase = salesPhase(concert, now);
  const [waitedForOpening] = useState(phase === 'not-open');
  const notes = detailed ? concert.tiers.flatMap((tier) => tierNote(concert, tier, now) ?? []) : [];
  const shown = phase !== 'open' || notes.length > 0;
  if (!shown && !(detailed && waitedForOpening)) return null;

  return (
    <div className={`${styles.notice} ${shown ? styles.boxed : ''}`}>
      {phase === 'not-open' && salesOpenAt !== null && opensAt !== null ? (
        <>
          <p className={styles.opening}>
            Sales open <time dateTime={salesOpenAt}>{formatVenueInstant(salesOpenAt, concert.timeZone)}</time>
          </p>
          <p className={styles.countdown}>
            Opens in{' '}
            <span role="timer" aria-live="off" className={styles.clock}>
              {timeUntilText(opensAt - now)}
            </span>
          </p>
          {detailed && seatsShown ? (
            <p>You can look at the seat map now; seats can be chosen once sales open.</p>
          ) : null}
        </>
      ) : null}
      {phase === 'closed' ? <p className={styles.opening}>Sales have closed</p> : null}
      {notes.length > 0 ? (
        <ul className={styles.tiers} aria-label="Sections with sales of their own">
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      {detailed && waitedForOpening ? (
        <p role="status" className="visually-hidden">
          {waitedForOpening && phase === 'open' && seatsShown ? 'Sales are open: you can choose seats now.' : ''}
        </p>
      ) : null}
    </div>
  );
}
