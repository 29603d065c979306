#!/usr/bin/env node
// npm run bench: starts the product on a fresh embedded database, adds a 20,000-seat concert through
// the project's own code, and measures bookings, one-seat stampedes and seat-map reads over HTTP on
// 127.0.0.1 only. Every figure is the median of BENCH_ROUNDS rounds (default 3).
import fs from 'node:fs';
import http from 'node:http';
import { connectDatabase } from 'hamro-concert.api/database';
import { createConcert } from 'hamro-concert.api/catalogue';
import { call, uniqueBuyer } from '../lib/client.js';
import { databaseInvariants, httpInvariants } from '../lib/invariants.js';
import { bookingRound, runAutocannon } from '../lib/load.js';
import { startApi, tempDataDir } from '../lib/servers.js';
import { median, round1 } from '../lib/stats.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BOOKINGS_PER_ROUND = { 50: 3000, 200: 2000 };
const WARM_UP_BOOKINGS = 3000;
const WARM_UP_RACES = 3;
const MAP_SECONDS = Number(process.env.BENCH_MAP_SECONDS ?? 5);
const BROWSER_ENCODINGS = 'gzip, deflate, br';

function bigVenue() {
  const rows = (from, count, seats) => Array.from({ length: count }, (_, i) => ({ row: from + i, seats }));
  return {
    title: 'Benchmark Stadium Night',
    artist: 'The Load Testers',
    date: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10),
    time: '19:00:00',
    venue: 'Dasharath Stadium',
    city: 'Kathmandu',
    tiers: [
      { name: 'Front Row', section: 'front', price: '50.00', rows: rows(1, 10, 100) },
      { name: 'VIP', section: 'vip', price: '100.00', rows: rows(1, 40, 100) },
      { name: 'General Admission', section: 'ga', price: '10.00', rows: rows(1, 100, 150) },
    ],
  };
}

async function mapRound(baseUrl, concertId, connections) {
  const result = await runAutocannon({
    url: `${baseUrl}/seats/concert/${concertId}`,
    connections,
    duration: MAP_SECONDS,
    headers: { 'accept-encoding': BROWSER_ENCODINGS },
  });
  return { perSecond: result.requests.average, p99: result.latency.p99, failed: result.non2xx + result.errors };
}

function wireBytes(url, headers) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        let bytes = 0;
        res.on('data', (chunk) => (bytes += chunk.length));
        res.on('end', () =>
          resolve({
            status: res.statusCode,
            bytes,
            encoding: res.headers['content-encoding'] ?? 'identity',
            etag: res.headers.etag,
          }),
        );
      })
      .on('error', reject);
  });
}

/** 500 buyers press Book on the same seat at the same instant, or, as the web app does first, hold it. */
async function stampede(baseUrl, seatId, { holds = false, concertId } = {}) {
  const path = holds ? '/holds' : '/ticket-bookings/seats';
  const bodyFor = () =>
    JSON.stringify(holds ? { concertId, seatIds: [seatId] } : { ...uniqueBuyer('Stampede'), seatIds: [seatId] });
  const agent = new http.Agent({ keepAlive: true, maxSockets: 500 });
  const warm = () =>
    new Promise((resolve, reject) => {
      http.get(`${baseUrl}/health`, { agent }, (res) => res.resume().on('end', resolve)).on('error', reject);
    });
  const post = (body) =>
    new Promise((resolve, reject) => {
      const req = http.request(`${baseUrl}${path}`, {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      });
      req.on('response', (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode));
      });
      req.on('error', reject);
      req.end(body);
    });
  // Open the 500 connections and write the bodies first, so the measurement is the booking race and
  // not TCP set-up or the load generator's own JSON.
  await Promise.all(Array.from({ length: 500 }, warm));
  const bodies = Array.from({ length: 500 }, bodyFor);
  const started = performance.now();
  const statuses = await Promise.all(bodies.map(post));
  const settledMs = performance.now() - started;
  agent.destroy();
  const outcomes = {};
  for (const status of statuses) outcomes[status] = (outcomes[status] ?? 0) + 1;
  return { settledMs, outcomes };
}

const ADMIN_TOKEN = `bench-admin-${Date.now()}-token`;
const asAdmin = { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' };

async function postJson(baseUrl, path, body, headers = { 'content-type': 'application/json' }) {
  const response = await fetch(`${baseUrl}${path}`, { method: 'POST', headers, body: JSON.stringify(body) });
  return { status: response.status, body: await response.json() };
}

const venueRows = (count, seats) => Array.from({ length: count }, (_, i) => ({ row: i + 1, seats }));

/** An organizer creates a 50,000-seat venue through POST /concerts. */
async function createLargeVenue(baseUrl) {
  const started = performance.now();
  const response = await postJson(
    baseUrl,
    '/concerts',
    {
      ...bigVenue(),
      title: 'Fifty Thousand',
      tiers: [
        { name: 'Front Row', section: 'front', price: '90.00', rows: venueRows(10, 100) },
        { name: 'VIP', section: 'vip', price: '60.00', rows: venueRows(40, 100) },
        { name: 'General Admission', section: 'ga', price: '20.00', rows: venueRows(200, 225) },
      ],
    },
    asAdmin,
  );
  if (response.status !== 201) throw new Error(`POST /concerts answered ${response.status}`);
  return performance.now() - started;
}

/** 100 buyers ask for 2 best-available seats of one 1,000-seat tier at the same moment. */
async function bestAvailableRound(baseUrl) {
  const concert = (
    await postJson(
      baseUrl,
      '/concerts',
      {
        ...bigVenue(),
        title: 'Best Available',
        tiers: [{ name: 'General Admission', section: 'ga', price: '10.00', rows: venueRows(20, 50) }],
      },
      asAdmin,
    )
  ).body;
  const tier = concert.tiers[0];
  const agent = new http.Agent({ keepAlive: true, maxSockets: 100 });
  const ask = () =>
    new Promise((resolve, reject) => {
      const body = JSON.stringify({
        concertId: concert.id,
        ticketTierId: tier.id,
        quantity: 2,
        ...uniqueBuyer('Best'),
      });
      const req = http.request(`${baseUrl}/ticket-bookings/best-available`, {
        method: 'POST',
        agent,
        headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
      });
      req.on('response', (res) => res.resume().on('end', () => resolve(res.statusCode)));
      req.on('error', reject);
      req.end(body);
    });
  const started = performance.now();
  const statuses = await Promise.all(Array.from({ length: 100 }, ask));
  const settledMs = performance.now() - started;
  agent.destroy();
  const outcomes = {};
  for (const status of statuses) outcomes[status] = (outcomes[status] ?? 0) + 1;
  return { settledMs, perSecond: (outcomes[201] ?? 0) / (settledMs / 1000), outcomes, concertId: concert.id };
}

const dataDir = tempDataDir('hamro-bench-');
// BENCH_API_NODE_ARGS="--cpu-prof --cpu-prof-dir=prof" profiles the API process while it is measured.
const nodeArgs = process.env.BENCH_API_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
const api = await startApi({ name: 'bench API', env: { DATA_DIR: dataDir, ADMIN_TOKEN }, nodeArgs });
const databaseUrl = api.embeddedUrl();
const lines = [];
const say = (line = '') => {
  lines.push(line);
  console.log(line);
};

try {
  const database = connectDatabase(databaseUrl, { poolSize: 2 });
  const createStart = performance.now();
  const big = await createConcert(database.db, bigVenue());
  const createMs = performance.now() - createStart;
  await database.close();

  const seeded = (await call(api.baseUrl, 'GET', '/concerts')).body.data;
  const small = seeded[0];
  const bigMap = (await call(api.baseUrl, 'GET', `/seats/concert/${big.id}`)).body;
  const freeIds = bigMap.seats.map((s) => s.id);
  say(
    `Hamro Concert benchmark: ${ROUNDS} rounds per figure, medians; API and PostgreSQL on this machine (${new Date().toISOString()})`,
  );
  say(`20,000-seat concert created through createConcert() in ${Math.round(createMs)} ms`);
  say(
    `Warm-up before the figures: ${WARM_UP_BOOKINGS} bookings at 50 clients; ${WARM_UP_RACES} races before the measured ones`,
  );

  // Warm-up, not measured: V8 optimises the booking path over the first few thousand requests, and
  // the connection pool and PostgreSQL's caches fill.
  await bookingRound(api.baseUrl, 50, freeIds.splice(0, WARM_UP_BOOKINGS));

  say();
  say('| unique-seat bookings | clients | bookings/s | p50 ms | p99 ms | failed |');
  say('|---|---|---|---|---|---|');
  for (const connections of [50, 200]) {
    const rounds = [];
    for (let i = 0; i < ROUNDS; i++)
      rounds.push(await bookingRound(api.baseUrl, connections, freeIds.splice(0, BOOKINGS_PER_ROUND[connections])));
    say(
      `| POST /ticket-bookings/seats | ${connections} | ${Math.round(median(rounds.map((r) => r.perSecond)))} | ` +
        `${median(rounds.map((r) => r.p50))} | ${median(rounds.map((r) => r.p99))} | ${rounds.reduce((n, r) => n + r.failed, 0)} |`,
    );
  }

  say();
  say('| 500 simultaneous requests for one seat | outcomes (median round) | time to settle ms |');
  say('|---|---|---|');
  const races = [];
  const raceSeats = (await call(api.baseUrl, 'GET', `/seats/concert/${seeded[1].id}/available`)).body;
  // Warm-up: the first crowd is the first time the refusal path runs at all, and V8 needs a few
  // crowds to optimise it. The first race is shown on its own line; the measured ones follow.
  const warmUpRaces = [];
  for (let i = 0; i < WARM_UP_RACES; i++) warmUpRaces.push(await stampede(api.baseUrl, raceSeats[ROUNDS + i].id));
  for (let i = 0; i < ROUNDS; i++) races.push(await stampede(api.baseUrl, raceSeats[i].id));
  const raceMedian = median(races.map((r) => r.settledMs));
  const typical = races.find((r) => r.settledMs === raceMedian) ?? races[0];
  say(`| one seat, 500 buyers | ${JSON.stringify(typical.outcomes)} | ${round1(raceMedian)} |`);
  say(
    `| the first race after start (cold, not in the median) | ${JSON.stringify(warmUpRaces[0].outcomes)} | ${round1(warmUpRaces[0].settledMs)} |`,
  );
  const holdRaces = [];
  const holdOptions = { holds: true, concertId: seeded[1].id };
  await stampede(api.baseUrl, raceSeats[ROUNDS + WARM_UP_RACES].id, holdOptions);
  for (let i = 0; i < ROUNDS; i++)
    holdRaces.push(await stampede(api.baseUrl, raceSeats[ROUNDS + WARM_UP_RACES + 1 + i].id, holdOptions));
  const holdMedian = median(holdRaces.map((r) => r.settledMs));
  const typicalHold = holdRaces.find((r) => r.settledMs === holdMedian) ?? holdRaces[0];
  say(
    `| one seat, 500 buyers holding it (POST /holds) | ${JSON.stringify(typicalHold.outcomes)} | ${round1(holdMedian)} |`,
  );

  say();
  say(
    '| GET /seats/concert/:id | clients | req/s | p99 ms | bytes on the wire (browser) | gzip | uncompressed | 304 |',
  );
  say('|---|---|---|---|---|---|---|---|');
  for (const [label, concert] of [
    ['100 seats', small],
    ['20,000 seats', big],
  ]) {
    const url = `${api.baseUrl}/seats/concert/${concert.id}`;
    const br = await wireBytes(url, { 'accept-encoding': BROWSER_ENCODINGS });
    const gz = await wireBytes(url, { 'accept-encoding': 'gzip' });
    const plain = await wireBytes(url, {});
    const notModified = await wireBytes(url, { 'accept-encoding': BROWSER_ENCODINGS, 'if-none-match': br.etag });
    const rounds = [];
    for (let i = 0; i < ROUNDS; i++) rounds.push(await mapRound(api.baseUrl, concert.id, 20));
    say(
      `| ${label} | 20 | ${Math.round(median(rounds.map((r) => r.perSecond)))} | ${median(rounds.map((r) => r.p99))} | ` +
        `${br.bytes} (${br.encoding}) | ${gz.bytes} | ${plain.bytes} | ${notModified.status} |`,
    );
  }

  say();
  say('| organizer and best available | figure |');
  say('|---|---|');
  const venues = [];
  for (let i = 0; i < ROUNDS; i++) venues.push(await createLargeVenue(api.baseUrl));
  say(`| create a 50,000-seat venue (POST /concerts, one transaction) | ${Math.round(median(venues))} ms |`);
  const bestRounds = [];
  for (let i = 0; i < ROUNDS; i++) bestRounds.push(await bestAvailableRound(api.baseUrl));
  const bestMedian = median(bestRounds.map((r) => r.settledMs));
  const typicalBest = bestRounds.find((r) => r.settledMs === bestMedian) ?? bestRounds[0];
  say(
    `| 100 parallel best-available buyers (2 seats each, 1,000-seat tier) | all answered in ${Math.round(bestMedian)} ms, ` +
      `${Math.round(median(bestRounds.map((r) => r.perSecond)))} bookings/s, outcomes ${JSON.stringify(typicalBest.outcomes)} |`,
  );

  say();
  const problems = [];
  for (const round of bestRounds) problems.push(...(await databaseInvariants(databaseUrl, round.concertId)).problems);
  for (const concert of [big, seeded[1]]) {
    problems.push(...(await databaseInvariants(databaseUrl, concert.id)).problems);
    problems.push(...(await httpInvariants(api.baseUrl, concert.id)).problems);
  }
  const raceWinners = [...warmUpRaces, ...races, ...holdRaces].map((r) => r.outcomes[201] ?? 0);
  if (raceWinners.some((n) => n !== 1)) problems.push(`one-seat races had ${raceWinners.join(', ')} winners`);
  say(
    problems.length === 0
      ? 'Invariants: OK (no seat sold twice; stock, seats and sale records agree)'
      : `Invariants: FAILED\n- ${problems.join('\n- ')}`,
  );
  if (problems.length > 0) process.exitCode = 1;
} finally {
  await api.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
