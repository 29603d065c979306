import type { TierSummary } from 'hamro-concert.contracts';
import { formatVenueInstant } from '../../../lib/format';

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
  if (!hasOwnWindow(tier)) return "On sale with the concert's window";
  const opens = tier.salesOpenAt ? formatVenueInstant(tier.salesOpenAt, timeZone) : "the concert's opening";
  const closes = tier.salesCloseAt ? formatVenueInstant(tier.salesCloseAt, timeZone) : "the concert's close";
  return `Own window: from ${opens} until ${closes}`;
}
