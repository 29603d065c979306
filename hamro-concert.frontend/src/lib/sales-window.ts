import type { Concert } from 'hamro-concert.contracts';
import { i18n } from '../i18n/i18n';
import { formatDigits } from './format';

/**
 * A concert's or a tier's sales window, as the API decides it when seats are held or booked: closed
 * from its end on, not open before its opening, open in between. The concert's start ends sales too;
 * the API answers that with concert-is-over, which the app already says in words.
 */
export type SalesWindow = Pick<Concert, 'salesOpenAt' | 'salesCloseAt'>;

export type SalesPhase = 'not-open' | 'open' | 'closed';

export function salesPhase(window: SalesWindow, now: number): SalesPhase {
  if (window.salesCloseAt !== null && now >= Date.parse(window.salesCloseAt)) return 'closed';
  if (window.salesOpenAt !== null && now < Date.parse(window.salesOpenAt)) return 'not-open';
  return 'open';
}

/** A tier's window: each of its own bounds, where set, replaces the concert's (a presale). */
export function tierWindow(concert: SalesWindow, tier: SalesWindow): SalesWindow {
  return {
    salesOpenAt: tier.salesOpenAt ?? concert.salesOpenAt,
    salesCloseAt: tier.salesCloseAt ?? concert.salesCloseAt,
  };
}

/** The concert's window and each tier's, in the concert's order. */
export function concertWindows(concert: Pick<Concert, 'salesOpenAt' | 'salesCloseAt' | 'tiers'>): SalesWindow[] {
  return [concert, ...concert.tiers.map((tier) => tierWindow(concert, tier))];
}

/** The first bound after `now` at which one of these windows opens or closes; null when none is ahead. */
export function nextBound(windows: readonly SalesWindow[], now: number): number | null {
  const ahead = windows
    .flatMap((window) => [window.salesOpenAt, window.salesCloseAt])
    .flatMap((bound) => (bound === null ? [] : [Date.parse(bound)]))
    .filter((instant) => instant > now);
  return ahead.length > 0 ? Math.min(...ahead) : null;
}

/** The earlier of two instants, either of which may be missing. */
export function earliest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  if (b === null) return a;
  return Math.min(a, b);
}

const MINUTE = 60_000;
const pad = (n: number) => String(n).padStart(2, '0');

/**
 * How long until a moment, in words that change once a minute: "3 days 4 h", "2 h 03 min"; in its
 * last hour a clock that changes every second: "42:07", "00:42".
 */
export function timeUntilText(ms: number): string {
  const minutes = Math.ceil(ms / MINUTE);
  if (minutes >= 24 * 60) {
    const days = Math.floor(minutes / (24 * 60));
    return i18n.t('sales.daysHours', {
      days: i18n.t('sales.days', { count: days }),
      hours: Math.floor((minutes % (24 * 60)) / 60),
    });
  }
  if (minutes >= 60) {
    return i18n.t('sales.hoursMinutes', { hours: Math.floor(minutes / 60), minutes: formatDigits(pad(minutes % 60)) });
  }
  const seconds = Math.max(0, Math.ceil(ms / 1000));
  return formatDigits(`${pad(Math.floor(seconds / 60))}:${pad(seconds % 60)}`);
}

/** When timeUntilText(at - now) next reads differently; null once the moment has come. */
export function nextCountdownChange(at: number, now: number): number | null {
  const left = at - now;
  if (left <= 0) return null;
  const unit = Math.ceil(left / MINUTE) >= 60 ? MINUTE : 1000;
  return now + (left % unit || unit);
}
