import type { Concert } from 'hamro-concert.contracts';
import { formatVenueInstant } from '../lib/format';
import { concertWindows, nextBound, salesPhase, tierWindow } from '../lib/sales-window';
import { useNow } from '../lib/use-now';
import { i18n } from '../i18n/i18n';

export interface TiersOnSale {
  /** The tiers whose window is open now: only their seats can be chosen and held. */
  ids: ReadonlySet<number>;
  /** Why no seat can be held now, when none of the tiers sells; null while some do. */
  paused: string | null;
}

/**
 * Which of the concert's tiers sell now. A timer renders the page again the moment a window opens
 * or closes, so seats become choosable at the minute without a reload or a fetch.
 */
export function useTiersOnSale(concert: Concert): TiersOnSale {
  const now = useNow((current) => nextBound(concertWindows(concert), current));
  const ids = new Set(
    concert.tiers.filter((tier) => salesPhase(tierWindow(concert, tier), now) === 'open').map((tier) => tier.id),
  );
  if (ids.size > 0 || concert.tiers.length === 0) return { ids, paused: null };
  const phase = salesPhase(concert, now);
  const paused =
    phase === 'not-open' && concert.salesOpenAt !== null
      ? i18n.t('sales.pausedUntil', { when: formatVenueInstant(concert.salesOpenAt, concert.timeZone) })
      : phase === 'closed'
        ? i18n.t('sales.pausedClosed')
        : i18n.t('sales.pausedNone');
  return { ids, paused };
}
