import { apiCall } from '../../../lib/api-client';

function holdPath(holdToken: string) {
  return `/holds/${encodeURIComponent(holdToken)}`;
}

/**
 * Gives held seats back at once. Best effort: a hold that is already gone, or that became a
 * booking, needs nothing more, and an unreleased hold still ends on its own when it expires.
 */
export async function releaseHold(holdToken: string, { keepalive = false } = {}): Promise<void> {
  await apiCall(holdPath(holdToken), { method: 'DELETE', keepalive }).catch(() => undefined);
}

/** The same while the page unloads: the request is allowed to outlive the page. */
export function releaseHoldOnUnload(holdToken: string): void {
  void releaseHold(holdToken, { keepalive: true });
}
