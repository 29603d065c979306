import type { TierSummary } from 'hamro-concert.contracts';
import { formatVenueInstant } from '../../../lib/format';
import { i18n } from '../../../i18n/i18n';

type TierWindow = Pick<TierSummary, 'salesOpenAt' | 'salesCloseAt'>;

/** Whether the tier sells in a window of its own, rather than the concert's. */
export function hasOwnWindow(tier: TierWindow): boolean {
  return tier.salesOpenAt !== null || tier.salesCloseAt !== null;
}

/**
 * A tier's sales window in words, on the venue's clock: "from Sun, 1 Mar 2026 · 10:00 AM Nepal Time
 * until …", or "with the concert" where a bound is not its own.
 */
export function tierWindowText(tier: TierWindow, timeZone: string): string {
  if (!hasOwnWindow(tier)) return i18n.t('organizer.withConcert');
  const opens = tier.salesOpenAt ? formatVenueInstant(tier.salesOpenAt, timeZone) : i18n.t('organizer.concertOpening');
  const closes = tier.salesCloseAt ? formatVenueInstant(tier.salesCloseAt, timeZone) : i18n.t('organizer.concertClose');
  return i18n.t('organizer.ownWindow', { opens, closes });
}
