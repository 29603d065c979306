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
import { Trans, useTranslation } from 'react-i18next';
import { i18n } from '../../../i18n/i18n';

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
  if (phase === 'open') return i18n.t('sales.tierOpen', { tier: tier.name });
  if (phase === 'closed') return i18n.t('sales.tierClosed', { tier: tier.name });
  return i18n.t('sales.tierOpens', {
    tier: tier.name,
    when: formatVenueInstant(window.salesOpenAt ?? '', concert.timeZone),
  });
}

/**
 * Before sales open, when they open on the venue's clock and a countdown to it ("opens in 2 h 03 min",
 * then "00:42" each second in the last hour); after they close, that they have. The countdown is not a
 * live region, so screen readers are not told every second; on the concert's page a polite one says
 * once that sales have opened. A timer moves it on; nothing is fetched.
 */
export function SalesNotice({ concert, detailed = false, seatsShown = true }: SalesNoticeProps) {
  const { t } = useTranslation();
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
            <Trans
              i18nKey="sales.opens"
              values={{ when: formatVenueInstant(salesOpenAt, concert.timeZone) }}
              components={{ time: <time dateTime={salesOpenAt} /> }}
            />
          </p>
          <p className={styles.countdown}>
            {t('sales.opensIn')}{' '}
            <span role="timer" aria-live="off" className={styles.clock}>
              {timeUntilText(opensAt - now)}
            </span>
          </p>
          {detailed && seatsShown ? <p>{t('sales.lookNow')}</p> : null}
        </>
      ) : null}
      {phase === 'closed' ? <p className={styles.opening}>{t('sales.closed')}</p> : null}
      {notes.length > 0 ? (
        <ul className={styles.tiers} aria-label={t('sales.tierSections')}>
          {notes.map((note) => (
            <li key={note}>{note}</li>
          ))}
        </ul>
      ) : null}
      {detailed && waitedForOpening ? (
        <p role="status" className="visually-hidden">
          {waitedForOpening && phase === 'open' && seatsShown ? t('sales.nowOpen') : ''}
        </p>
      ) : null}
    </div>
  );
}
