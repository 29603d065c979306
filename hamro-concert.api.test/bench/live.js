#!/usr/bin/env node
// npm run bench (part 3): live fan-out and stadium seat maps during a booking storm. On a 50,000-seat
// concert: unique-seat bookings at 50 clients without and then with 2,000 live-stream subscribers
// (commit-to-subscriber delay measured on every 20th subscriber), then 20 clients reading the whole map
// while the bookings go on: first as clients other than the one booking (they are served the map's
// compressed snapshot), then as that very client (its own writes must show: the map as it is now).
// On 127.0.0.1 only, bounded in count.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { databaseInvariants, httpInvariants } from '../lib/invariants.js';
import { bookingRound } from '../lib/load.js';
import { runScript, startApi, tempDataDir } from '../lib/servers.js';
import { createConcert, stadiumConcert } from '../lib/stadium.js';
import { median } from '../lib/stats.js';

const SUBSCRIBERS = Number(process.env.BENCH_SUBSCRIBERS ?? 2000);
const BOOKINGS = Number(process.env.BENCH_LIVE_BOOKINGS ?? 4000);
const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const SAMPLE_EVERY = 20;
const ADMIN_TOKEN = `bench-admin-${Date.now()}-token`;

const percentile = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;

/**
 * Opens `count` live streams in a process of their own (see subscribers.js). `close()` ends them and
 * adds to `heardAt` when the sampled ones first heard of each booked seat.
 */
async function subscribe(baseUrl, concertId, count, heardAt) {
  const script = fileURLToPath(new URL('./subscribers.js', import.meta.url));
  const outFile = path.join(os.tmpdir(), `hamro-heard-${process.pid}-${Date.now()}.json`);
  const args = [`${baseUrl}/concerts/${concertId}/seats/events`, String(count), String(SAMPLE_EVERY), outFile];
  const child = spawn(process.execPath, [script, ...args], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise((resolve) => child.on('exit', resolve));
  await new Promise((resolve, reject) => {
    child.stdout.on('data', (text) => String(text).includes('open') && resolve());
    exited.then((code) => reject(new Error(`subscribers exited with ${code} before their streams were open`)));
  });
  return {
    async close() {
      child.stdin.write('stop\n');
      const code = await exited;
      if (code !== 0) throw new Error(`subscribers exited with ${code}`);
      for (const [seatId, times] of JSON.parse(fs.readFileSync(outFile, 'utf8'))) {
        heardAt.set(seatId, [...(heardAt.get(seatId) ?? []), ...times]);
      }
      fs.rmSync(outFile, { force: true });
    },
  };
}

/** 20 clients reading the whole map, in a process of their own (see map-readers.js), from `address` if given. */
async function mapReaders(url, seconds, address) {
  const script = fileURLToPath(new URL('./map-readers.js', import.meta.url));
  const { code, output } = await runScript(script, {}, [url, String(seconds), '100', ...(address ? [address] : [])]);
  if (code !== 0) throw new Error(`map readers failed: ${output}`);
  return JSON.parse(output.trim().split('\n').at(-1));
}

const dataDir = tempDataDir('hamro-live-');
const nodeArgs = process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
const api = await startApi({
  name: 'live API',
  nodeArgs,
  // One trusted proxy hop: the map readers can say they are clients other than the booking one.
  env: { DATA_DIR: dataDir, ADMIN_TOKEN, SEAT_EVENTS_MAX_SUBSCRIBERS: String(SUBSCRIBERS + 10), TRUST_PROXY_HOPS: '1' },
});
try {
  const concert = await createConcert(api.baseUrl, stadiumConcert(1), ADMIN_TOKEN);
  const free = (await fetch(`${api.baseUrl}/seats/concert/${concert.id}/available`).then((r) => r.json())).map(
    (s) => s.id,
  );
  console.log(
    `Live fan-out on a ${free.length}-seat concert: ${ROUNDS} rounds of ${BOOKINGS} bookings per figure, medians`,
  );
  await bookingRound(api.baseUrl, 50, free.splice(0, 2000)); // warm-up

  const without = [];
  const withSubscribers = [];
  const delays = [];
  const heardAt = new Map();
  const bookedAt = new Map();
  // Alternate rounds without and with subscribers, so drift on a shared machine hits both alike.
  for (let round = 0; round < ROUNDS; round++) {
    without.push(await bookingRound(api.baseUrl, 50, free.splice(0, BOOKINGS)));
    const streams = await subscribe(api.baseUrl, concert.id, SUBSCRIBERS, heardAt);
    await new Promise((resolve) => setTimeout(resolve, 500));
    withSubscribers.push(await bookingRound(api.baseUrl, 50, free.splice(0, BOOKINGS), bookedAt));
    await new Promise((resolve) => setTimeout(resolve, 500));
    await streams.close();
  }
  for (const [seatId, at] of bookedAt) for (const heard of heardAt.get(seatId) ?? []) delays.push(heard - at);
  delays.sort((a, b) => a - b);
  const sampled = Math.ceil(SUBSCRIBERS / SAMPLE_EVERY);
  const missing = bookedAt.size * sampled - delays.length;

  // The first read of a stadium's map lays its bytes out and compresses it; timed on its own, then the
  // readers measure the steady state an on-sale is in.
  const firstReadStarted = performance.now();
  await fetch(`${api.baseUrl}/seats/concert/${concert.id}`, { headers: { 'accept-encoding': 'br' } }).then((r) =>
    r.arrayBuffer(),
  );
  const firstReadMs = performance.now() - firstReadStarted;
  const storm = bookingRound(api.baseUrl, 50, free.splice(0, 15_000));
  const maps = await mapReaders(`${api.baseUrl}/seats/concert/${concert.id}`, 5, '10.99.0.1');
  const ownMaps = await mapReaders(`${api.baseUrl}/seats/concert/${concert.id}`, 5);
  // The same readers on the cheapest endpoint there is, during the same storm: what the machine's
  // contention alone costs a request, for comparison with the map's figure.
  const health = await mapReaders(`${api.baseUrl}/health`, 3);
  const stormResult = await storm;

  const perSecond = (rounds) => Math.round(median(rounds.map((r) => r.perSecond)));
  console.log();
  console.log('| figure | value |');
  console.log('|---|---|');
  console.log(`| unique-seat bookings at 50 clients, no subscribers | ${perSecond(without)}/s |`);
  console.log(
    `| the same with ${SUBSCRIBERS} live-stream subscribers | ${perSecond(withSubscribers)}/s ` +
      `(${Math.round((100 * (perSecond(withSubscribers) - perSecond(without))) / perSecond(without))}%) |`,
  );
  console.log(
    `| commit-to-subscriber delay (${delays.length} deliveries to ${sampled} sampled subscribers) | ` +
      `p50 ${Math.round(percentile(delays, 0.5))} ms, p99 ${Math.round(percentile(delays, 0.99))} ms; ${missing} not delivered |`,
  );
  console.log(
    `| 50,000-seat map, 20 readers during a booking storm (100 reads/s in all) | ${Math.round(maps.perSecond)} req/s, p50 ${maps.p50} ms, p99 ${maps.p99} ms, ` +
      `${Math.round(maps.bytesPerResponse)} bytes per response (browser encodings), ${maps.failed} failed |`,
  );
  console.log(
    `| the same, read by the very client that is booking (its writes show at once) | ${Math.round(ownMaps.perSecond)} req/s, p50 ${ownMaps.p50} ms, p99 ${ownMaps.p99} ms, ` +
      `${Math.round(ownMaps.bytesPerResponse)} bytes per response, ${ownMaps.failed} failed |`,
  );
  console.log(
    `| the same readers on GET /health meanwhile, for comparison | p50 ${health.p50} ms, p99 ${health.p99} ms |`,
  );
  console.log(`| the first read of that map after start (not in the figure above) | ${Math.round(firstReadMs)} ms |`);
  console.log(
    `| the booking storm meanwhile (50 clients) | ${Math.round(stormResult.perSecond)}/s, p99 ${stormResult.p99} ms |`,
  );
  const failed = [...without, ...withSubscribers].reduce((n, r) => n + r.failed, 0);
  const problems = [
    ...(await databaseInvariants(api.embeddedUrl(), concert.id)).problems,
    ...(await httpInvariants(api.baseUrl, concert.id)).problems,
  ];
  if (failed > 0) problems.push(`${failed} bookings failed`);
  if (missing > 0) problems.push(`${missing} deliveries missing`);
  console.log();
  console.log(problems.length === 0 ? 'Invariants: OK' : `Invariants: FAILED\n- ${problems.join('\n- ')}`);
  if (problems.length > 0) process.exitCode = 1;
} finally {
  await api.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
