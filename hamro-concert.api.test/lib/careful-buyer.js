/** A buyer as a careful client through faults: one Idempotency-Key per booking, retried until answered. */
import { randomUUID } from 'node:crypto';
import { uniqueBuyer } from './client.js';

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** What a crowd of careful buyers met: answers by status, the references told 201 (and when), the unsettled. */
export function buyerLog() {
  return { outcomes: {}, answered: new Set(), successes: [], unsettled: [] };
}

/**
 * Books one seat, retrying the same key on `baseUrlFor(attempt)` (another instance, or the same load
 * balancer) through connection errors, timeouts, 503s and a key still held by a request that died with
 * its instance (taken over once stale), for at most `deadlineMs`. Records everything in `log`.
 */
export async function bookUntilAnswered(seatId, baseUrlFor, log, { first = 0, deadlineMs = 60_000 } = {}) {
  const count = (key) => (log.outcomes[key] = (log.outcomes[key] ?? 0) + 1);
  const key = randomUUID();
  const body = JSON.stringify({ ...uniqueBuyer('Drill'), seatIds: [seatId] });
  const deadline = Date.now() + deadlineMs;
  for (let attempt = first; Date.now() < deadline; attempt++) {
    const response = await fetch(`${baseUrlFor(attempt)}/ticket-bookings/seats`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'idempotency-key': key },
      body,
      signal: AbortSignal.timeout(15_000),
    }).catch((error) => error);
    if (response instanceof Error) {
      count(response.name === 'TimeoutError' ? 'timeout' : 'connection-error');
      await sleep(50);
      continue;
    }
    count(String(response.status));
    const answer = await response.json().catch(() => ({}));
    if (response.status === 201) {
      log.answered.add(answer.reference);
      log.successes.push(Date.now());
      return;
    }
    if (response.status === 503 || answer.code === 'idempotency-key-in-use') {
      await sleep(response.status === 503 ? 100 : 1_000);
      continue;
    }
    log.unsettled.push({ seatId, status: response.status, code: answer.code });
    return;
  }
  log.unsettled.push({ seatId, status: 'gave up' });
}
