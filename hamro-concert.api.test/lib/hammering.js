/**
 * A hammering client against 50 buyers: the buyers book one seat at a time, together `buyerRate`
 * bookings a second, each booking from a client address of its own, while one address sends POST
 * /holds at `hammerRate` a second during every other stretch of `stretch` bookings, for `rounds` pairs
 * of stretches: interleaved, so that the machine's own drifts fall on both sides alike. The verdict
 * compares the median of each side's stretch p99s (as benchmark figures are quoted: the median of
 * runs), so that one stretch hit by this shared machine's own stalls does not decide it. Used by
 * bench/hammer.js (the API's own limits) and bench/edge.js (HAProxy's, in front of the cluster).
 */
import { spawn } from 'node:child_process';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { uniqueBuyer } from './client.js';
import { createConcert } from './stadium.js';
import { median as medianOf } from './stats.js';

const hammerClient = fileURLToPath(new URL('./hammer-client.js', import.meta.url));
/** Pairs of stretches, bookings a stretch, the buyers' bookings a second, the hammering client's requests a second. */
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const STRETCH = Number(process.env.BENCH_HAMMER_STRETCH ?? 500);
const BUYER_RATE = Number(process.env.BENCH_HAMMER_BUYER_RATE ?? 100);
const HAMMER_RATE = 200;

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] * 10) / 10;
};

/** The median rounded to hundredths, as the table prints it. */
const median = (values) => Math.round(medianOf(values) * 100) / 100;

/** A concert with `seats` General Admission seats in rows of 100. */
function hammeredVenue(seats) {
  const rows = Array.from({ length: Math.ceil(seats / 100) }, (_, i) => ({ row: i + 1, seats: 100 }));
  return {
    title: 'Hammered On-Sale',
    artist: 'The Polite Crowd',
    date: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
    time: '18:00:00',
    venue: 'Dasharath Stadium',
    city: 'Kathmandu',
    tiers: [{ name: 'General Admission', section: 'ga', price: '25.00', rows }],
  };
}

/**
 * The API's rate limits while hammered: a buyer's (per session, or per address without one) as a
 * product would set them, the address ceilings and new sessions at the product's defaults. Access
 * lines off: reading 200 a second of them would slow the measuring loop.
 */
export const HAMMERED_API_SETTINGS = {
  RATE_LIMIT_WRITES_PER_MINUTE: '60',
  RATE_LIMIT_READS_PER_MINUTE: '1200',
  RATE_LIMIT_WRITE_BURST: '10',
  RATE_LIMIT_ADDRESS_WRITES_PER_MINUTE: '',
  RATE_LIMIT_ADDRESS_READS_PER_MINUTE: '',
  RATE_LIMIT_NEW_SESSIONS_PER_MINUTE: '',
  LOG_LEVEL: 'warn',
};

let clients = 0;
/** The n-th client address of this run: 10.x.y.z as a forwarded address, 127.x.y.z as a loopback address to connect from. */
function clientAddress(first) {
  clients += 1;
  return `${first}.${(clients >> 16) & 255}.${(clients >> 8) & 255}.${clients & 255 || 1}`;
}

/**
 * 50 buyers book `seatIds`, one seat per booking. Each buyer books once every 50 / buyerRate
 * seconds (its first at a random point of that interval), so the crowd books at buyerRate a second
 * without bursts; a late answer delays only that buyer's next. `via` is how a booking shows its own
 * address: `forwarded` (straight to one API that trusts one proxy hop: an X-Forwarded-For header over
 * keep-alive connections) or `connected` (through a proxy that adds the header itself: a connection
 * of its own from a loopback address of its own, as a real buyer's phone makes).
 */
async function buyersRound(baseUrl, seatIds, { buyerRate, via }) {
  const agent = via === 'forwarded' ? new http.Agent({ keepAlive: true, maxSockets: 50 }) : false;
  const interval = (50 / buyerRate) * 1000;
  const latencies = [];
  let next = 0;
  let failed = 0;
  const book = (n) =>
    new Promise((resolve) => {
      const body = JSON.stringify({ ...uniqueBuyer('Hammer Bench Buyer'), seatIds: [seatIds[n]] });
      const started = performance.now();
      const req = http.request(`${baseUrl}/ticket-bookings/seats`, {
        method: 'POST',
        agent,
        ...(via === 'connected' && { localAddress: clientAddress(127) }),
        headers: {
          'content-type': 'application/json',
          ...(via === 'forwarded' && { 'x-forwarded-for': clientAddress(10) }),
        },
      });
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => {
          latencies.push(performance.now() - started);
          if (res.statusCode !== 201) failed += 1;
          resolve();
        });
      });
      req.on('error', () => {
        failed += 1;
        resolve();
      });
      req.end(body);
    });
  async function buyer() {
    let due = performance.now() + Math.random() * interval;
    while (next < seatIds.length) {
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
      if (next >= seatIds.length) break;
      await book(next++);
      due += interval;
    }
  }
  await Promise.all(Array.from({ length: 50 }, buyer));
  if (agent) agent.destroy();
  return { latencies, failed };
}

/** The hammering client (lib/hammer-client.js) in a process of its own, paused until `start`. */
function hammer(baseUrl, concertId, seatId, rate, localAddress) {
  const args = [
    hammerClient,
    baseUrl,
    concertId,
    String(seatId),
    String(rate),
    ...(localAddress ? [localAddress] : []),
  ];
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  let output = '';
  child.stdout.on('data', (chunk) => (output += chunk));
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    start: () => child.kill('SIGUSR2'),
    pause: () => child.kill('SIGUSR1'),
    async stop() {
      child.kill('SIGTERM');
      await exited;
      const result = JSON.parse(output);
      return { ...result, perSecond: result.sent / result.seconds };
    },
  };
}

/**
 * Runs the pairs of stretches (BENCH_ROUNDS, BENCH_HAMMER_STRETCH, BENCH_HAMMER_BUYER_RATE) on a
 * concert of its own made through `baseUrl`, prints the figures and the verdict, and returns whether
 * the target was met. `via` and `hammerAddress`: how buyers and the hammering client show their addresses.
 */
export async function measureHammering({ baseUrl, adminToken, via, hammerAddress }) {
  const [rounds, stretch, buyerRate, hammerRate] = [ROUNDS, STRETCH, BUYER_RATE, HAMMER_RATE];
  const concert = await createConcert(baseUrl, hammeredVenue((2 * rounds + 2) * stretch + 100), adminToken);
  const concertId = concert.id;
  const seatIds = (await fetch(`${baseUrl}/seats/concert/${concertId}/available`).then((r) => r.json())).map(
    (seat) => seat.id,
  );
  const ids = [...seatIds];
  const take = (count) => ids.splice(0, count);
  const options = { buyerRate, via };
  console.log(
    `50 buyers booking at ${buyerRate}/s, in ${rounds} pairs of ${stretch}-booking stretches without and with one address sending POST /holds at ${hammerRate}/s`,
  );
  const client = hammer(baseUrl, concertId, ids.at(-1), hammerRate, hammerAddress);
  await new Promise((resolve) => setTimeout(resolve, 500)); // its process starts
  // Warm-up, not measured: the buyers' first bookings, and the first of the hammering client's
  // requests and refusals (its connections, the refusal's code paths).
  await buyersRound(baseUrl, take(stretch), options);
  client.start();
  await buyersRound(baseUrl, take(stretch), options);
  client.pause();
  const quiet = { latencies: [], failed: 0 };
  const hammered = { latencies: [], failed: 0 };
  const add = (side, part) => {
    side.latencies.push(...part.latencies);
    side.failed += part.failed;
  };
  const pairs = [];
  for (let round = 0; round < rounds; round++) {
    const without = await buyersRound(baseUrl, take(stretch), options);
    client.start();
    const withIt = await buyersRound(baseUrl, take(stretch), options);
    client.pause();
    add(quiet, without);
    add(hammered, withIt);
    pairs.push({ without: percentile(without.latencies, 0.99), with: percentile(withIt.latencies, 0.99) });
  }
  const hammering = await client.stop();
  const p99Quiet = percentile(quiet.latencies, 0.99);
  const p99Hammered = percentile(hammered.latencies, 0.99);
  const refused = hammering.counts[429] ?? 0;
  console.log();
  console.log(`| figure (${quiet.latencies.length} bookings a side) | without the hammering client | with it |`);
  console.log('|---|---|---|');
  console.log(
    `| buyers' booking p50 | ${percentile(quiet.latencies, 0.5)} ms | ${percentile(hammered.latencies, 0.5)} ms |`,
  );
  console.log(`| buyers' booking p99 | ${p99Quiet} ms | ${p99Hammered} ms |`);
  console.log(`| buyers' failed bookings | ${quiet.failed} | ${hammered.failed} |`);
  console.log(
    `| hammering client | | ${hammering.sent} requests at ${Math.round(hammering.perSecond)}/s: ${refused} answered 429, ${JSON.stringify(hammering.counts)} |`,
  );
  console.log(
    `| buyers' booking p99, median of the ${rounds} stretches | ${median(pairs.map((p) => p.without))} ms | ${median(pairs.map((p) => p.with))} ms |`,
  );
  console.log();
  console.log(`Each pair's p99 without / with: ${pairs.map((p) => `${p.without}/${p.with}`).join(', ')} ms`);
  const ratio = median(pairs.map((p) => p.with)) / median(pairs.map((p) => p.without));
  console.log(
    `p99 with the hammering client: ${(ratio * 100).toFixed(0)}% of the p99 without it, medians of the stretches ` +
      `(target: within 120%); over all bookings of each side, ${((p99Hammered / p99Quiet) * 100).toFixed(0)}%`,
  );
  const problems = [];
  if (refused < hammering.sent * 0.9) problems.push(`only ${refused} of ${hammering.sent} hammering requests got 429`);
  if (quiet.failed + hammered.failed > 0) problems.push('buyers had failed bookings');
  if (ratio > 1.2) problems.push(`the buyers' p99 rose by ${((ratio - 1) * 100).toFixed(0)}%`);
  console.log(problems.length === 0 ? 'Verdict: OK' : `Verdict: FAILED\n- ${problems.join('\n- ')}`);
  return problems.length === 0;
}
