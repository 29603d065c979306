/** A stadium on-sale as buyers make it: many parallel buyers asking for best available seats until none are left. */
import { uniqueBuyer } from './client.js';
import { leanConnection } from './lean-http.js';

const rows = (count, seats) => Array.from({ length: count }, (_, i) => ({ row: i + 1, seats }));

/**
 * The stadium of the on-sale figures: VIP 5,000 and Front Row 5,000 in rows of 50, General Admission
 * 40,000 in rows of 100. `scale` shrinks every tier by that factor (the tests use a small one).
 */
export function stadiumConcert(scale = 1) {
  return {
    title: `Stadium On-Sale ${Date.now().toString(36)}`,
    artist: 'The Sell-Out Crowd',
    date: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
    time: '18:00:00',
    venue: 'Dasharath Stadium',
    city: 'Kathmandu',
    tiers: [
      { name: 'VIP', section: 'vip', price: '150.00', rows: rows(Math.ceil(100 * scale), 50) },
      { name: 'Front Row', section: 'front', price: '90.00', rows: rows(Math.ceil(100 * scale), 50) },
      { name: 'General Admission', section: 'ga', price: '25.00', rows: rows(Math.ceil(400 * scale), 100) },
    ],
  };
}

export async function createConcert(baseUrl, body, adminToken) {
  const response = await fetch(`${baseUrl}/concerts`, {
    method: 'POST',
    headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  const json = await response.json();
  if (response.status !== 201) throw new Error(`POST /concerts answered ${response.status}: ${JSON.stringify(json)}`);
  return json;
}

const parsed = (text) => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

const percentile = (sorted, p) =>
  sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] : 0;

let bookingAddresses = 0;
/** A client address of its own for one booking (10.x.y.z), sent as X-Forwarded-For through a trusted proxy hop. */
const bookingAddress = () => {
  bookingAddresses += 1;
  const n = bookingAddresses;
  return `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`;
};

/**
 * `buyers` buyers, spread over `baseUrls` in turn, each looping POST /ticket-bookings/best-available
 * (a random tier, 1 to 4 seats, a new email each time) until every tier has answered
 * `not-enough-seats` for a single seat, or `maxSeconds` pass. Bounded in time and count. With
 * `addressPerBooking`, every booking comes from a client address of its own (X-Forwarded-For, for an
 * API that trusts one proxy hop), as an on-sale's buyers do when the rate limits are on.
 */
export async function sellOut({ baseUrls, concert, buyers = 300, maxSeconds = 120, addressPerBooking = false }) {
  const soldOut = new Set();
  const tooFew = new Map(concert.tiers.map((tier) => [tier.id, 5]));
  const latencies = [];
  const outcomes = {};
  let seatsSold = 0;
  const started = performance.now();
  const deadline = started + maxSeconds * 1000;

  async function buyer(index) {
    // Each buyer on a keep-alive connection of its own, with a lean client (see lean-http.js).
    const connection = leanConnection(baseUrls[index % baseUrls.length]);
    while (soldOut.size < concert.tiers.length && performance.now() < deadline) {
      const open = concert.tiers.filter((tier) => !soldOut.has(tier.id));
      const tier = open[Math.floor(Math.random() * open.length)];
      const quantity = 1 + Math.floor(Math.random() * Math.min(4, tooFew.get(tier.id) - 1));
      const body = JSON.stringify({
        concertId: concert.id,
        ticketTierId: tier.id,
        quantity,
        ...uniqueBuyer('Stadium Buyer'),
      });
      const headers = addressPerBooking ? `X-Forwarded-For: ${bookingAddress()}\r\n` : '';
      const answer = await connection.request('POST', '/ticket-bookings/best-available', body, headers);
      const result = { ...answer, body: parsed(answer.body) };
      latencies.push(result.ms);
      const key = result.status === 201 ? '201' : `${result.status} ${result.body?.code ?? ''}`.trim();
      outcomes[key] = (outcomes[key] ?? 0) + 1;
      if (result.status === 201) seatsSold += result.body.seatIds.length;
      else if (result.body?.code === 'not-enough-seats') {
        tooFew.set(tier.id, Math.min(tooFew.get(tier.id), quantity));
        if (quantity === 1) soldOut.add(tier.id);
      } else if (result.status >= 500 || result.status === 0) {
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    connection.close();
  }

  await Promise.all(Array.from({ length: buyers }, (_, i) => buyer(i)));
  const seconds = (performance.now() - started) / 1000;
  const sorted = latencies.sort((a, b) => a - b);
  return {
    seconds,
    seatsSold,
    seatsPerSecond: seatsSold / seconds,
    requests: latencies.length,
    p50: percentile(sorted, 0.5),
    p99: percentile(sorted, 0.99),
    outcomes,
    errors: Object.entries(outcomes)
      .filter(([key]) => !key.startsWith('201') && !key.startsWith('409 not-enough-seats'))
      .reduce((n, [, count]) => n + count, 0),
    finished: soldOut.size === concert.tiers.length,
  };
}
