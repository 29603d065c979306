#!/usr/bin/env node
// npm run bench (part 2): a stadium on-sale. A 50,000-seat concert (VIP 5,000 and Front Row 5,000 in rows
// of 50, General Admission 40,000 in rows of 100) created through POST /concerts, then 300 buyers each
// looping best available (a random tier, 1 to 4 seats) until every tier is sold out. Run twice in one
// sitting, each on a fresh database: with the rate limits off, then with them on at their defaults (as
// in production) and every booking from a client address of its own behind one trusted proxy hop.
// On 127.0.0.1 only, bounded by BENCH_STADIUM_SECONDS (default 120) a run. BENCH_STADIUM_SCALE shrinks
// the venue; BENCH_STADIUM_RUNS=off or =on runs one of the two.
import fs from 'node:fs';
import { databaseInvariants, httpInvariants } from '../lib/invariants.js';
import { startApi, tempDataDir } from '../lib/servers.js';
import { createConcert, sellOut, stadiumConcert } from '../lib/stadium.js';

const SCALE = Number(process.env.BENCH_STADIUM_SCALE ?? 1);
const BUYERS = Number(process.env.BENCH_STADIUM_BUYERS ?? 300);
const MAX_SECONDS = Number(process.env.BENCH_STADIUM_SECONDS ?? 120);
const RUNS = (process.env.BENCH_STADIUM_RUNS ?? 'off,on').split(',');
const ADMIN_TOKEN = `bench-admin-${Date.now()}-token`;
const nodeArgs = process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? [];

/** The product's own defaults: startApi switches the limits off unless told otherwise. */
const LIMITS_ON = {
  RATE_LIMIT_WRITES_PER_MINUTE: '',
  RATE_LIMIT_READS_PER_MINUTE: '',
  RATE_LIMIT_WRITE_BURST: '',
  RATE_LIMIT_ADDRESS_WRITES_PER_MINUTE: '',
  RATE_LIMIT_ADDRESS_READS_PER_MINUTE: '',
  RATE_LIMIT_NEW_SESSIONS_PER_MINUTE: '',
  TRUST_PROXY_HOPS: '1',
};

async function run(limits) {
  const dataDir = tempDataDir('hamro-stadium-');
  const env = { DATA_DIR: dataDir, ADMIN_TOKEN, ...(limits ? LIMITS_ON : {}) };
  const api = await startApi({ name: 'stadium API', env, nodeArgs });
  try {
    const concert = await createConcert(api.baseUrl, stadiumConcert(SCALE), ADMIN_TOKEN);
    const seats = concert.tiers.reduce((n, tier) => n + tier.total, 0);
    const result = await sellOut({
      baseUrls: [api.baseUrl],
      concert,
      buyers: BUYERS,
      maxSeconds: MAX_SECONDS,
      addressPerBooking: limits,
    });
    const problems = [
      ...(await databaseInvariants(api.embeddedUrl(), concert.id)).problems,
      ...(await httpInvariants(api.baseUrl, concert.id)).problems,
    ];
    const map = await fetch(`${api.baseUrl}/seats/concert/${concert.id}`).then((r) => r.json());
    if (result.finished && map.bookedSeats !== seats)
      problems.push(`sold out, but the map shows ${map.bookedSeats} booked`);
    if (map.bookedSeats !== result.seatsSold)
      problems.push(`buyers were sold ${result.seatsSold} seats, the map shows ${map.bookedSeats}`);
    // The API's unexpected failures, if any, for whoever looks into a failed run.
    const failures = api
      .output()
      .split('\n')
      .filter((line) => line.includes('"level":50'));
    if (failures.length > 0)
      problems.push(`API logged ${failures.length} failures; the first: ${failures[0].slice(0, 2000)}`);
    return { seats, result, problems };
  } finally {
    await api.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

const runs = [];
for (const name of RUNS) {
  const limits = name === 'on';
  console.log(
    `Stadium on-sale, limits ${limits ? 'on (defaults; an address per booking)' : 'off'}: ` +
      `${BUYERS} buyers looping best available (1 to 4 seats) on one API instance`,
  );
  runs.push({ name: limits ? 'limits on' : 'limits off', ...(await run(limits)) });
}

console.log();
console.log(`| figure | ${runs.map((r) => r.name).join(' | ')} |`);
console.log(`|---|${runs.map(() => '---|').join('')}`);
const row = (figure, value) => console.log(`| ${figure} | ${runs.map(value).join(' | ')} |`);
row('sold out', ({ result }) => (result.finished ? 'yes' : `no, stopped after ${MAX_SECONDS} s`));
row('seats sold', ({ result, seats }) => `${result.seatsSold} of ${seats} in ${result.seconds.toFixed(1)} s`);
row('seats/s', ({ result }) => Math.round(result.seatsPerSecond));
row('best-available latency', ({ result }) => `p50 ${Math.round(result.p50)} ms, p99 ${Math.round(result.p99)} ms`);
row('requests', ({ result }) => `${result.requests}: ${JSON.stringify(result.outcomes)}`);
row('errors (neither 201 nor not-enough-seats)', ({ result }) => result.errors);
console.log();
for (const { name, problems } of runs) {
  console.log(
    problems.length === 0
      ? `Invariants, ${name}: OK (every seat sold at most once; the map and the sale records agree)`
      : `Invariants, ${name}: FAILED\n- ${problems.join('\n- ')}`,
  );
  if (problems.length > 0) process.exitCode = 1;
}
