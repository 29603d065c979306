#!/usr/bin/env node
// npm run bench (part 2): a stadium on-sale. A 50,000-seat concert (VIP 5,000 and Front Row 5,000 in rows
// of 50, General Admission 40,000 in rows of 100) created through POST /concerts, then 300 buyers each
// looping best available (a random tier, 1 to 4 seats) until every tier is sold out. On 127.0.0.1 only,
// bounded by BENCH_STADIUM_SECONDS (default 120). BENCH_STADIUM_SCALE shrinks the venue.
import fs from 'node:fs';
import { databaseInvariants, httpInvariants } from '../lib/invariants.js';
import { startApi, tempDataDir } from '../lib/servers.js';
import { createConcert, sellOut, stadiumConcert } from '../lib/stadium.js';

const SCALE = Number(process.env.BENCH_STADIUM_SCALE ?? 1);
const BUYERS = Number(process.env.BENCH_STADIUM_BUYERS ?? 300);
const MAX_SECONDS = Number(process.env.BENCH_STADIUM_SECONDS ?? 120);
const ADMIN_TOKEN = `bench-admin-${Date.now()}-token`;

const dataDir = tempDataDir('hamro-stadium-');
const nodeArgs = process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
const api = await startApi({ name: 'stadium API', env: { DATA_DIR: dataDir, ADMIN_TOKEN }, nodeArgs });
try {
  const concert = await createConcert(api.baseUrl, stadiumConcert(SCALE), ADMIN_TOKEN);
  const seats = concert.tiers.reduce((n, tier) => n + tier.total, 0);
  console.log(
    `Stadium on-sale: ${seats} seats, ${BUYERS} buyers looping best available (1 to 4 seats) on one API instance`,
  );
  const result = await sellOut({ baseUrls: [api.baseUrl], concert, buyers: BUYERS, maxSeconds: MAX_SECONDS });
  console.log();
  console.log('| figure | value |');
  console.log('|---|---|');
  console.log(`| sold out | ${result.finished ? 'yes' : `no, stopped after ${MAX_SECONDS} s`} |`);
  console.log(`| seats sold | ${result.seatsSold} of ${seats} in ${result.seconds.toFixed(1)} s |`);
  console.log(`| seats/s | ${Math.round(result.seatsPerSecond)} |`);
  console.log(`| best-available latency | p50 ${Math.round(result.p50)} ms, p99 ${Math.round(result.p99)} ms |`);
  console.log(`| requests | ${result.requests}: ${JSON.stringify(result.outcomes)} |`);
  console.log(`| errors (neither 201 nor not-enough-seats) | ${result.errors} |`);
  const problems = [
    ...(await databaseInvariants(api.embeddedUrl(), concert.id)).problems,
    ...(await httpInvariants(api.baseUrl, concert.id)).problems,
  ];
  const map = await fetch(`${api.baseUrl}/seats/concert/${concert.id}`).then((r) => r.json());
  if (result.finished && map.bookedSeats !== seats)
    problems.push(`sold out, but the map shows ${map.bookedSeats} booked`);
  if (map.bookedSeats !== result.seatsSold)
    problems.push(`buyers were sold ${result.seatsSold} seats, the map shows ${map.bookedSeats}`);
  console.log();
  console.log(
    problems.length === 0
      ? 'Invariants: OK (every seat sold at most once; the map and the sale records agree)'
      : `Invariants: FAILED\n- ${problems.join('\n- ')}`,
  );
  if (problems.length > 0) process.exitCode = 1;
  // The API's unexpected failures, if any, for whoever looks into a failed run.
  const failures = api
    .output()
    .split('\n')
    .filter((line) => line.includes('"level":50'));
  if (failures.length > 0)
    console.log(`API logged ${failures.length} failures; the first: ${failures[0].slice(0, 2000)}`);
} finally {
  await api.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
