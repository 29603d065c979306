/** Load shapes the benchmarks share; every request goes to a running API on this machine. */
import autocannon from 'autocannon';
import { uniqueBuyer } from './client.js';

/** Runs autocannon; `lastResponseAt` is when the final response arrived (autocannon's own clock ticks in seconds). */
export function runAutocannon(options) {
  return new Promise((resolve, reject) => {
    let lastResponseAt = performance.now();
    const instance = autocannon(options, (error, result) =>
      error ? reject(error) : resolve({ ...result, lastResponseAt }),
    );
    instance.on('response', () => (lastResponseAt = performance.now()));
  });
}

/**
 * Books each of `seatIds` once, one seat per booking, over `connections` clients. `bookedAt`, if
 * given, records when each seat's 201 arrived, in milliseconds since the epoch.
 */
export async function bookingRound(baseUrl, connections, seatIds, bookedAt) {
  let next = 0;
  const started = performance.now();
  const result = await runAutocannon({
    url: baseUrl,
    connections,
    amount: seatIds.length,
    timeout: 20,
    requests: [
      {
        method: 'POST',
        path: '/ticket-bookings/seats',
        headers: { 'content-type': 'application/json' },
        setupRequest: (request, context) => {
          context.seatId = seatIds[next++];
          return { ...request, body: JSON.stringify({ ...uniqueBuyer('Bench Buyer'), seatIds: [context.seatId] }) };
        },
        onResponse: (status, _body, context) => {
          if (status === 201) bookedAt?.set(context.seatId, performance.timeOrigin + performance.now());
        },
      },
    ],
  });
  const seconds = (result.lastResponseAt - started) / 1000;
  return {
    perSecond: result['2xx'] / seconds,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    failed: result.non2xx + result.errors + result.timeouts,
  };
}
