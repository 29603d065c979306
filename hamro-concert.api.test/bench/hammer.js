#!/usr/bin/env node
// npm run bench (part 5): rate limits against a hammering client. 50 buyers book one seat at a time,
// each booking from an address of its own (behind one trusted proxy hop, as behind a load balancer),
// together BENCH_HAMMER_BUYER_RATE bookings a second (default 100: each buyer books twice a second, a
// busy on-sale but not the most these two cores can take with the hammering client's own process on
// them too, where any extra request queues). One client address sends POST /holds at 200 a second
// during every other stretch of BENCH_HAMMER_STRETCH bookings (default 500), for BENCH_ROUNDS pairs
// of stretches (default 10): interleaved, so that the machine's own drifts fall on both sides alike.
// Each stretch is a short run of its own: the verdict compares the median of each side's stretch
// p99s (as benchmark figures are quoted: the median of runs), so that a stretch hit by this shared
// machine's own stalls does not decide it. The p50 and p99 over all bookings of each side are
// printed too. On 127.0.0.1 only, bounded.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import { fileURLToPath } from 'node:url';
import { uniqueBuyer } from '../lib/client.js';
import { startApi, tempDataDir } from '../lib/servers.js';
import { createConcert } from '../lib/stadium.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 10);
const BOOKINGS = Number(process.env.BENCH_HAMMER_STRETCH ?? 500);
const BUYER_RATE = Number(process.env.BENCH_HAMMER_BUYER_RATE ?? 100);
const HAMMER_PER_SECOND = 200;
const ADMIN_TOKEN = `bench-admin-${Date.now()}-token`;
const hammerClient = fileURLToPath(new URL('../lib/hammer-client.js', import.meta.url));

const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b);
  return Math.round(sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] * 10) / 10;
};

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length / 2;
  const value = sorted.length % 2 ? sorted[Math.floor(middle)] : (sorted[middle - 1] + sorted[middle]) / 2;
  return Math.round(value * 100) / 100;
};

function venue(seats) {
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

let clients = 0;
/** A client address not used before in this run. */
const clientAddress = () => {
  clients += 1;
  return `10.${(clients >> 16) & 255}.${(clients >> 8) & 255}.${clients & 255}`;
};

/**
 * 50 buyers book `seatIds`, one seat per booking, each booking from a new client address. Each buyer
 * books once every 50 / BUYER_RATE seconds (its first at a random point of that interval), so the
 * crowd books at BUYER_RATE a second without bursts; a late answer delays only that buyer's next.
 */
async function buyersRound(baseUrl, seatIds) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 50 });
  const interval = (50 / BUYER_RATE) * 1000;
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
        headers: {
          'content-type': 'application/json',
          'x-forwarded-for': clientAddress(),
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
  agent.destroy();
  return { latencies, failed };
}

/** The hammering client (lib/hammer-client.js) in a process of its own, paused until `start`. */
function hammer(baseUrl, concertId, seatId) {
  const child = spawn(process.execPath, [hammerClient, baseUrl, concertId, String(seatId), String(HAMMER_PER_SECOND)], {
    stdio: ['ignore', 'pipe', 'inherit'],
  });
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

const dataDir = tempDataDir('hamro-hammer-');
const api = await startApi({
  name: 'hammer API',
  env: {
    DATA_DIR: dataDir,
    ADMIN_TOKEN,
    TRUST_PROXY_HOPS: '1',
    RATE_LIMIT_WRITES_PER_MINUTE: '60',
    RATE_LIMIT_READS_PER_MINUTE: '1200',
    RATE_LIMIT_WRITE_BURST: '10',
    // The address ceilings and new sessions at the product's defaults.
    RATE_LIMIT_ADDRESS_WRITES_PER_MINUTE: '',
    RATE_LIMIT_ADDRESS_READS_PER_MINUTE: '',
    RATE_LIMIT_NEW_SESSIONS_PER_MINUTE: '',
    // Access lines go to this process's pipe; reading 200 a second here would slow the measuring loop.
    LOG_LEVEL: 'warn',
  },
});
try {
  const concert = await createConcert(api.baseUrl, venue((2 * ROUNDS + 2) * BOOKINGS + 100), ADMIN_TOKEN);
  const seats = await fetch(`${api.baseUrl}/seats/concert/${concert.id}/available`).then((r) => r.json());
  const ids = seats.map((seat) => seat.id);
  const take = (count) => ids.splice(0, count);
  console.log(
    `Rate limits: 50 buyers booking at ${BUYER_RATE}/s, in ${ROUNDS} pairs of ${BOOKINGS}-booking stretches without and with one address sending POST /holds at ${HAMMER_PER_SECOND}/s`,
  );
  const client = hammer(api.baseUrl, concert.id, ids.at(-1));
  await new Promise((resolve) => setTimeout(resolve, 500)); // its process starts
  // Warm-up, not measured: the buyers' first bookings, and the first of the hammering client's
  // requests and refusals (its connections, the refusal's code paths).
  await buyersRound(api.baseUrl, take(BOOKINGS));
  client.start();
  await buyersRound(api.baseUrl, take(BOOKINGS));
  client.pause();
  const quiet = { latencies: [], failed: 0 };
  const hammered = { latencies: [], failed: 0 };
  const add = (side, stretch) => {
    side.latencies.push(...stretch.latencies);
    side.failed += stretch.failed;
  };
  const pairs = [];
  for (let round = 0; round < ROUNDS; round++) {
    const without = await buyersRound(api.baseUrl, take(BOOKINGS));
    client.start();
    const withIt = await buyersRound(api.baseUrl, take(BOOKINGS));
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
    `| buyers' booking p99, median of the ${ROUNDS} stretches | ${median(pairs.map((p) => p.without))} ms | ${median(pairs.map((p) => p.with))} ms |`,
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
  if (problems.length > 0) process.exitCode = 1;
} finally {
  await api.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
