#!/usr/bin/env node
// npm run bench (part 5): rate limits against a hammering client. 50 buyers book one seat at a time,
// each booking from an address of its own (behind one trusted proxy hop, as behind a load balancer),
// with and without one client address sending POST /holds at 200 requests per second meanwhile.
// Rounds alternate; figures are medians of BENCH_ROUNDS (default 3). On 127.0.0.1 only, bounded.
import fs from 'node:fs';
import http from 'node:http';
import { uniqueBuyer } from '../lib/client.js';
import { runAutocannon } from '../lib/load.js';
import { startApi, tempDataDir } from '../lib/servers.js';
import { createConcert } from '../lib/stadium.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BOOKINGS = Number(process.env.BENCH_HAMMER_BOOKINGS ?? 3000);
const HAMMER_PER_SECOND = 200;
const ADMIN_TOKEN = `bench-admin-${Date.now()}-token`;

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

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

/** 50 buyers book `seatIds`, one seat per booking, each booking from a new client address. */
async function buyersRound(baseUrl, seatIds) {
  let next = 0;
  const result = await runAutocannon({
    url: baseUrl,
    connections: 50,
    amount: seatIds.length,
    timeout: 20,
    requests: [
      {
        method: 'POST',
        path: '/ticket-bookings/seats',
        setupRequest: (request) => {
          const n = next++;
          return {
            ...request,
            headers: {
              'content-type': 'application/json',
              'x-forwarded-for': `10.${(n >> 16) & 255}.${(n >> 8) & 255}.${n & 255}`,
            },
            body: JSON.stringify({ ...uniqueBuyer('Hammer Bench Buyer'), seatIds: [seatIds[n]] }),
          };
        },
      },
    ],
  });
  return { p50: result.latency.p50, p99: result.latency.p99, ok: result['2xx'], failed: result.non2xx + result.errors };
}

/** One address sending POST /holds at HAMMER_PER_SECOND until stopped; counts the answers. */
function hammer(baseUrl, concertId, seatId) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const counts = {};
  const body = JSON.stringify({ concertId, seatIds: [seatId] });
  const started = performance.now();
  let sent = 0;
  const send = () =>
    new Promise((resolve) => {
      const req = http.request(`${baseUrl}/holds`, {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
      });
      req.on('response', (res) => {
        counts[res.statusCode] = (counts[res.statusCode] ?? 0) + 1;
        res.resume();
        res.on('end', resolve);
      });
      req.on('error', () => resolve());
      req.end(body);
    });
  const timer = setInterval(() => {
    const due = Math.floor(((performance.now() - started) / 1000) * HAMMER_PER_SECOND) - sent;
    for (let i = 0; i < due; i++) {
      sent += 1;
      void send();
    }
  }, 10);
  return {
    stop() {
      clearInterval(timer);
      agent.destroy();
      return { sent, perSecond: sent / ((performance.now() - started) / 1000), counts };
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
  },
});
try {
  const concert = await createConcert(api.baseUrl, venue((2 * ROUNDS + 1) * BOOKINGS + 100), ADMIN_TOKEN);
  const seats = await fetch(`${api.baseUrl}/seats/concert/${concert.id}/available`).then((r) => r.json());
  const ids = seats.map((seat) => seat.id);
  const take = (count) => ids.splice(0, count);
  console.log(
    `Rate limits: 50 buyers booking ${BOOKINGS} seats a round, with and without one address sending POST /holds at ${HAMMER_PER_SECOND}/s`,
  );
  await buyersRound(api.baseUrl, take(BOOKINGS)); // warm-up
  const quiet = [];
  const hammered = [];
  const hammers = [];
  for (let round = 0; round < ROUNDS; round++) {
    quiet.push(await buyersRound(api.baseUrl, take(BOOKINGS)));
    const client = hammer(api.baseUrl, concert.id, ids.at(-1));
    hammered.push(await buyersRound(api.baseUrl, take(BOOKINGS)));
    hammers.push(client.stop());
  }
  const p99Quiet = median(quiet.map((r) => r.p99));
  const p99Hammered = median(hammered.map((r) => r.p99));
  const refused = hammers.reduce((n, h) => n + (h.counts[429] ?? 0), 0);
  const sent = hammers.reduce((n, h) => n + h.sent, 0);
  console.log();
  console.log('| figure | without the hammering client | with it |');
  console.log('|---|---|---|');
  console.log(
    `| buyers' booking p50 | ${median(quiet.map((r) => r.p50))} ms | ${median(hammered.map((r) => r.p50))} ms |`,
  );
  console.log(`| buyers' booking p99 | ${p99Quiet} ms | ${p99Hammered} ms |`);
  console.log(
    `| buyers' failed bookings | ${quiet.reduce((n, r) => n + r.failed, 0)} | ${hammered.reduce((n, r) => n + r.failed, 0)} |`,
  );
  console.log(
    `| hammering client | | ${sent} requests at ${Math.round(median(hammers.map((h) => h.perSecond)))}/s: ${refused} answered 429, ${JSON.stringify(hammers.map((h) => h.counts))} |`,
  );
  const ratio = p99Hammered / p99Quiet;
  console.log();
  console.log(
    `p99 with the hammering client: ${(ratio * 100).toFixed(0)}% of the p99 without it (target: within 120%)`,
  );
  const problems = [];
  if (refused < sent * 0.9) problems.push(`only ${refused} of ${sent} hammering requests got 429`);
  if (hammered.some((r) => r.failed > 0) || quiet.some((r) => r.failed > 0))
    problems.push('buyers had failed bookings');
  if (ratio > 1.2) problems.push(`the buyers' p99 rose by ${((ratio - 1) * 100).toFixed(0)}%`);
  console.log(problems.length === 0 ? 'Verdict: OK' : `Verdict: FAILED\n- ${problems.join('\n- ')}`);
  if (problems.length > 0) process.exitCode = 1;
} finally {
  await api.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
