#!/usr/bin/env node
// The price of not losing a booking: unique-seat bookings per second at 50 clients through HAProxy into
// the cluster (three API instances, a primary with a synchronous replica; npm run cluster), against one
// API instance on the embedded database, in one run, rounds alternating. Needs Patroni, etcd and
// HAProxy (see docs/operations.md); not part of npm run bench. Medians of BENCH_ROUNDS (3).
import { bookingRound } from '../lib/load.js';
import { createConcert, stadiumConcert } from '../lib/stadium.js';
import { cluster as runCluster, startApi, tempDataDir } from '../lib/servers.js';
import { median } from '../lib/stats.js';

const ROUNDS = Number(process.env.BENCH_ROUNDS ?? 3);
const PER_ROUND = 3000;
const ADMIN_TOKEN = `cluster-bench-admin-${Date.now()}`;
const cluster = (command) => runCluster(command, { ADMIN_TOKEN });

async function side(baseUrl) {
  const concert = await createConcert(baseUrl, stadiumConcert(0.5), ADMIN_TOKEN);
  const free = await (await fetch(`${baseUrl}/seats/concert/${concert.id}/available`)).json();
  const seats = free.map((seat) => seat.id);
  let taken = 0;
  return { baseUrl, take: (n) => seats.slice(taken, (taken += n)), rounds: [] };
}

cluster('purge');
const embedded = await startApi({
  name: 'embedded',
  env: { DATA_DIR: tempDataDir('hamro-bench-cluster-'), ADMIN_TOKEN },
});
try {
  cluster('up');
  const sides = { embedded: await side(embedded.baseUrl), cluster: await side('http://127.0.0.1:8080') };
  for (const s of Object.values(sides)) await bookingRound(s.baseUrl, 50, s.take(1000)); // warm up
  for (let round = 0; round < ROUNDS; round++)
    for (const s of Object.values(sides)) s.rounds.push(await bookingRound(s.baseUrl, 50, s.take(PER_ROUND)));
  console.log(`unique-seat bookings at 50 clients, medians of ${ROUNDS} rounds of ${PER_ROUND}:`);
  for (const [name, s] of Object.entries(sides)) {
    const rates = s.rounds.map((r) => Math.round(r.perSecond));
    const failed = s.rounds.reduce((sum, r) => sum + r.failed, 0);
    console.log(
      `  ${name.padEnd(9)} ${median(rates)}/s (rounds ${rates.join(', ')}), p99 ${median(s.rounds.map((r) => r.p99))} ms, failed ${failed}`,
    );
  }
} finally {
  await embedded.stop();
  cluster('purge');
}
