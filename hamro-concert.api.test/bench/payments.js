#!/usr/bin/env node
// Payments, measured on 127.0.0.1 against the fake Khalti of lib/fakes (never a real gateway):
//  1. Bookings per second at 50 buyers, plain (paid at the door) and paid with Khalti (book, start the
//     payment, the buyer pays on the fake, comes back through the return URL), alternating rounds in
//     one run; the figures are medians of BENCH_ROUNDS rounds (default 3).
//  2. The reconciler settling 5,000 abandoned and 5,000 paid-but-never-returned payments: the time from
//     their windows ending until none is left awaiting, against the reconciler's round.
import http from 'node:http';
import pg from 'pg';
import { connectDatabase } from 'hamro-concert.api/database';
import { createConcert } from 'hamro-concert.api/catalogue';
import { requestJson, uniqueBuyer } from '../lib/client.js';
import { startFakeKhalti } from '../lib/fakes/khalti.js';
import { databaseInvariants } from '../lib/invariants.js';
import { cpuPer, serverCpu } from '../lib/cpu.js';
import { startApi, tempDataDir } from '../lib/servers.js';
import { median, round1 } from '../lib/stats.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const BUYERS = 50;
const PER_ROUND = Number(process.env.BENCH_PAYMENT_BOOKINGS ?? 1000);
const SETTLE_EACH = Number(process.env.BENCH_SETTLE_PAYMENTS ?? 5000);
const RECONCILE_MS = 1000;
const KHALTI_KEY = 'bench-khalti-key';

function venue(seats) {
  const rows = Math.ceil(seats / 150);
  return {
    title: 'Payments Benchmark Night',
    artist: 'The Load Testers',
    date: new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10),
    time: '19:00:00',
    venue: 'Dasharath Stadium',
    city: 'Kathmandu',
    tiers: [
      {
        name: 'General Admission',
        section: 'ga',
        price: '1500.00',
        rows: Array.from({ length: rows }, (_, i) => ({ row: i + 1, seats: 150 })),
      },
    ],
  };
}

/** Runs `work(seatId)` for each seat over BUYERS parallel buyers; the rate of those that said true. */
async function parallel(seatIds, work) {
  let next = 0;
  let ok = 0;
  let failed = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: BUYERS }, async () => {
      while (next < seatIds.length) {
        const seatId = seatIds[next++];
        if (await work(seatId)) ok++;
        else failed++;
      }
    }),
  );
  return { perSecond: ok / ((performance.now() - started) / 1000), ok, failed };
}

function buyerFlows(baseUrl, khalti) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: BUYERS });
  const call = (method, path, body) => requestJson(agent, `${baseUrl}${path}`, method, body);
  return {
    agent,
    /** A plain booking: confirmed at once, paid at the door. */
    async plain(seatId) {
      const booked = await call('POST', '/ticket-bookings/seats', { ...uniqueBuyer('Door Buyer'), seatIds: [seatId] });
      return booked.status === 201;
    },
    /** A paid booking: book with Khalti (the answer says where to pay), pay on the fake, come back through the return URL. */
    async paid(seatId) {
      const who = uniqueBuyer('Khalti Buyer');
      const booked = await call('POST', '/ticket-bookings/seats', { ...who, seatIds: [seatId], payment: 'khalti' });
      if (booked.status !== 201 || !booked.body.paymentStart) return false;
      const pidx = new URL(booked.body.paymentStart.redirectUrl).pathname.split('/').pop();
      const back = new URL(khalti.complete(pidx));
      const returned = await call('GET', `${back.pathname}${back.search}`);
      return returned.status === 303;
    },
    /** Starts a payment and leaves; the buyer pays on Khalti (or not) and never comes back. */
    async abandon(seatId, pays) {
      const who = uniqueBuyer('Gone Buyer');
      const booked = await call('POST', '/ticket-bookings/seats', { ...who, seatIds: [seatId], payment: 'khalti' });
      if (booked.status !== 201 || !booked.body.paymentStart) return false;
      if (pays) khalti.complete(new URL(booked.body.paymentStart.redirectUrl).pathname.split('/').pop());
      return true;
    },
  };
}

async function settleBench(databaseUrl, flows, seats) {
  const paying = seats.slice(0, SETTLE_EACH);
  const leaving = seats.slice(SETTLE_EACH, 2 * SETTLE_EACH);
  const setUp = await parallel([...paying, ...leaving], (seatId) => flows.abandon(seatId, paying.includes(seatId)));
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    // The windows end now, and every attempt is due to be asked about: the worst round there can be.
    await client.query(
      `with ended as (update bookings set payment_due_at = now() where status = 'awaiting_payment' returning id)
       update payments set next_check_at = now() where booking_id in (select id from ended)`,
    );
    const started = performance.now();
    let awaitingLeft = Infinity;
    let expiredAt;
    while (awaitingLeft > 0 && performance.now() - started < 300_000) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const { rows } = await client.query(
        `select count(*) filter (where status = 'awaiting_payment')::int as awaiting,
                count(*) filter (where status = 'expired')::int as expired,
                count(*) filter (where money = 'paid')::int as paid
         from bookings where user_name = 'Gone Buyer'`,
      );
      awaitingLeft = rows[0].awaiting;
      if (awaitingLeft === 0) expiredAt ??= performance.now();
    }
    const settledMs = performance.now() - started;
    const { rows } = await client.query(
      `select count(*) filter (where b.money = 'paid' and b.status = 'confirmed')::int as paid,
              count(*) filter (where b.status = 'expired')::int as expired,
              count(*) filter (where p.state = 'awaiting')::int as still_asking
       from bookings b join payments p on p.booking_id = b.id where b.user_name = 'Gone Buyer'`,
    );
    return { setUp, settledMs, ...rows[0] };
  } finally {
    await client.end();
  }
}

const khalti = await startFakeKhalti({ secretKey: KHALTI_KEY });
const dataDir = tempDataDir('hamro-bench-payments-');
const api = await startApi({
  name: 'payments bench API',
  nodeArgs: process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [],
  env: {
    DATA_DIR: dataDir,
    KHALTI_SECRET_KEY: KHALTI_KEY,
    KHALTI_BASE_URL: khalti.baseUrl,
    RECONCILE_INTERVAL_MS: String(RECONCILE_MS),
  },
});
const databaseUrl = api.embeddedUrl();
try {
  const database = connectDatabase(databaseUrl, { poolSize: 2 });
  const needed = 2 * ROUNDS * PER_ROUND + 2 * PER_ROUND + 2 * SETTLE_EACH;
  const concert = await createConcert(database.db, venue(needed));
  const { rows } = await database.pool.query('select id from seats where concert_id = $1 order by id', [concert.id]);
  await database.close();
  const seats = rows.map((row) => row.id);
  let taken = 0;
  const take = (count) => seats.slice(taken, (taken += count));
  const flows = buyerFlows(api.baseUrl, khalti);

  // Warm both paths, then alternate, so a slower stretch of this shared machine weighs on both alike.
  await parallel(take(PER_ROUND), flows.plain);
  await parallel(take(PER_ROUND), flows.paid);
  const plain = [];
  const paid = [];
  const measured = async (flow) => {
    const before = serverCpu(api.child.pid);
    const round = await parallel(take(PER_ROUND), flow);
    return { ...round, cpu: cpuPer(before, serverCpu(api.child.pid), round.ok) };
  };
  for (let round = 0; round < ROUNDS; round++) {
    plain.push(await measured(flows.plain));
    paid.push(await measured(flows.paid));
  }
  const failed = [...plain, ...paid].reduce((sum, r) => sum + r.failed, 0);
  const plainRate = median(plain.map((r) => r.perSecond));
  const paidRate = median(paid.map((r) => r.perSecond));
  console.log(`bookings at ${BUYERS} buyers (medians of ${ROUNDS} rounds of ${PER_ROUND}):`);
  console.log(
    `  plain (at the door):   ${round1(plainRate)}/s   rounds ${plain.map((r) => round1(r.perSecond)).join(', ')}`,
  );
  console.log(
    `  paid through Khalti:   ${round1(paidRate)}/s   rounds ${paid.map((r) => round1(r.perSecond)).join(', ')}`,
  );
  const serverMs = (rounds) => median(rounds.map((r) => r.cpu.api + r.cpu.postgres));
  const [plainMs, paidMs] = [serverMs(plain), serverMs(paid)];
  console.log(`  paid / plain: ${Math.round((100 * paidRate) / plainRate)}% (target ≥ 70%); failed: ${failed}`);
  console.log(
    `  server CPU per booking (API + PostgreSQL, the load client and the fake gateway aside): ` +
      `plain ${plainMs.toFixed(2)} ms, paid ${paidMs.toFixed(2)} ms: paid bookings the server can take ` +
      `are ${Math.round((100 * plainMs) / paidMs)}% of plain ones`,
  );
  console.log(
    `  a paid booking is 2 requests to us (book and start, return) and 2 to the fake gateway (initiate, lookup)`,
  );

  const settle = await settleBench(databaseUrl, flows, take(2 * SETTLE_EACH));
  console.log(`reconciler (RECONCILE_INTERVAL_MS=${RECONCILE_MS}, one instance):`);
  console.log(
    `  set up ${settle.setUp.ok} abandoned payments (${settle.setUp.failed} failed), half of them paid on Khalti`,
  );
  console.log(
    `  ${SETTLE_EACH} paid and ${SETTLE_EACH} unpaid windows ended at once: all settled in ${round1(settle.settledMs / 1000)} s ` +
      `(${round1(settle.settledMs / RECONCILE_MS)} rounds); paid ${settle.paid}, expired ${settle.expired}, ` +
      `attempts still asked about ${settle.still_asking}`,
  );
  const invariants = await databaseInvariants(databaseUrl, concert.id);
  console.log(`invariants: ${invariants.problems.length === 0 ? 'hold' : invariants.problems.join('; ')}`);
  flows.agent.destroy();
  if (failed > 0 || invariants.problems.length > 0) process.exitCode = 1;
} finally {
  await api.stop();
  await khalti.close();
}
