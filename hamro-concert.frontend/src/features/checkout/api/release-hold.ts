import { apiCall } from '../../../lib/api-client';

function holdPath(holdToken: string) {
  return `/holds/${encodeURIComponent(holdToken)}`;
}

/** Releases sent from this page and not yet answered. */
const inFlight = new Set<Promise<void>>();

/**
 * Gives held seats back at once. Best effort: a hold that is already gone, or that became a
 * booking, needs nothing more, and an unreleased hold still ends on its own when it expires.
 */
export function releaseHold(holdToken: string, { keepalive = false } = {}): Promise<void> {
  const release: Promise<void> = apiCall(holdPath(holdToken), { method: 'DELETE', keepalive })
    .catch(() => undefined)
    .finally(() => inFlight.delete(release));
  inFlight.add(release);
  return release;
}

/** The same while the page unloads: the request is allowed to outlive the page. */
export function releaseHoldOnUnload(holdToken: string): void {
  void releaseHold(holdToken, { keepalive: true });
}

/**
 * Runs `next` once every release this page has sent is answered, at once when none is pending. The
 * API lets a buyer hold one set of seats at a time (409 one-hold-at-a-time), so a new hold must not
 * overtake the release of the previous one (Change seats, then Continue at once).
 */
export function afterReleases(next: () => void): void {
  if (inFlight.size === 0) return next();
  void Promise.all([...inFlight]).then(() => afterReleases(next));
}
