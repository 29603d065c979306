// The product as it runs: real API processes (the built main.js), the first with its embedded
// database, two more sharing it, and the concurrency scripts against them.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { book, call, uniqueBuyer } from '../lib/client.js';
import { databaseInvariants, httpInvariants } from '../lib/invariants.js';
import { startFakeKhalti } from '../lib/fakes/khalti.js';
import { runScript, startApi, tempDataDir } from '../lib/servers.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const scripts = path.resolve(here, '..');

function shuffle(items) {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j], copy[i]];
  }
  return copy;
}

describe('three API instances (four processes) on one database', () => {
  const dataDir = tempDataDir('hamro-instances-');
  let first;
  let others = [];
  let databaseUrl;
  let khalti;

  before(async () => {
    // Every instance takes payments through the same fake Khalti, and runs its reconciler often.
    khalti = await startFakeKhalti();
    const payments = {
      KHALTI_SECRET_KEY: 'test-khalti-secret',
      KHALTI_BASE_URL: khalti.baseUrl,
      RECONCILE_INTERVAL_MS: '300',
    };
    const started = Date.now();
    first = await startApi({ name: 'instance A (embedded)', env: { DATA_DIR: dataDir, ...payments } });
    console.log(`# a fresh embedded start was serving after ${Date.now() - started} ms`);
    databaseUrl = first.embeddedUrl();
    others = await Promise.all([
      // B serves through two worker processes sharing its port (API_WORKERS).
      startApi({ name: 'instance B', env: { DATABASE_URL: databaseUrl, API_WORKERS: '2', ...payments } }),
      startApi({ name: 'instance C', env: { DATABASE_URL: databaseUrl, ...payments } }),
    ]);
  });

  after(async () => {
    await khalti?.close();
    await Promise.all([first, ...others].filter(Boolean).map((api) => api.stop()));
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('a fresh start seeds three concerts with 20 VIP, 20 Front Row and 60 GA seats, seen alike by every instance', async () => {
    for (const api of [first, ...others]) {
      const list = await call(api.baseUrl, 'GET', '/concerts');
      assert.equal(list.status, 200);
      assert.equal(list.body.total, 3);
      for (const concert of list.body.data) {
        const tiers = Object.fromEntries(concert.tiers.map((t) => [t.name, [t.price, t.total]]));
        assert.deepEqual(tiers, {
          VIP: ['5000.00', 20],
          'Front Row': ['3500.00', 20],
          'General Admission': ['1500.00', 60],
        });
        assert.equal(concert.currency, 'NPR');
      }
    }
    const docs = await fetch(`${first.baseUrl}/docs/`);
    assert.equal(docs.status, 200);
  });

  it('test-concurrent-seat-booking.js passes: two buyers, one seat, exactly one wins', async () => {
    const result = await runScript(path.join(scripts, 'test-concurrent-seat-booking.js'), { BASE_URL: first.baseUrl });
    assert.equal(result.code, 0, result.output);
    assert.match(result.output, /PASS/);
  });

  it('test-multiple-seat-booking.js passes: two buyers, two seats, both win', async () => {
    const result = await runScript(path.join(scripts, 'test-multiple-seat-booking.js'), {
      BASE_URL: others[0].baseUrl,
    });
    assert.equal(result.code, 0, result.output);
    assert.match(result.output, /PASS/);
  });

  it('300 requests for 100 seats spread over three instances sell each seat exactly once', async () => {
    const list = await call(first.baseUrl, 'GET', '/concerts');
    const concert = list.body.data.at(-1);
    const map = await call(first.baseUrl, 'GET', `/seats/concert/${concert.id}`);
    assert.equal(map.body.bookedSeats, 0, 'the race needs an untouched concert');
    const instances = [first, ...others];
    // Every seat is wanted by three buyers, one through each instance, all at once in random order.
    const attempts = shuffle(map.body.seats.flatMap((seat) => instances.map((api) => ({ api, seatId: seat.id }))));
    assert.equal(attempts.length, 300);

    const started = Date.now();
    const results = await Promise.all(
      attempts.map(({ api, seatId }) =>
        book(api.baseUrl, uniqueBuyer('Racer'), [seatId]).then((r) => ({ ...r, seatId })),
      ),
    );
    const elapsed = Date.now() - started;

    const byStatus = {};
    for (const result of results) byStatus[result.status] = (byStatus[result.status] ?? 0) + 1;
    console.log(`# 300 requests over 3 instances settled in ${elapsed} ms: ${JSON.stringify(byStatus)}`);
    assert.deepEqual(byStatus, { 201: 100, 409: 200 });
    const winners = results.filter((r) => r.status === 201).map((r) => r.seatId);
    assert.equal(new Set(winners).size, 100, 'some seat was sold twice');

    const db = await databaseInvariants(databaseUrl, concert.id);
    assert.deepEqual(db.problems, []);
    for (const api of instances) {
      const http = await httpInvariants(api.baseUrl, concert.id);
      assert.deepEqual(http.problems, []);
      assert.equal(http.booked, 100);
    }
  });

  it('60 buyers paying with Khalti for 20 seats over three instances: each seat sold once, each paid exactly once', async () => {
    const list = await call(first.baseUrl, 'GET', '/concerts');
    const concert = list.body.data[1];
    const map = await call(first.baseUrl, 'GET', `/seats/concert/${concert.id}`);
    const seats = map.body.seats.filter((seat) => !seat.isBooked && !seat.isHeld).slice(0, 20);
    assert.equal(seats.length, 20);
    const instances = [first, ...others];
    const on = (i) => instances[i % instances.length].baseUrl;
    const attempts = shuffle(seats.flatMap((seat) => instances.map((_, i) => ({ i, seatId: seat.id }))));

    const results = await Promise.all(
      attempts.map(async ({ i, seatId }) => {
        const who = uniqueBuyer('Payer');
        const booked = await call(on(i), 'POST', '/ticket-bookings/seats', {
          ...who,
          seatIds: [seatId],
          payment: 'khalti',
        });
        if (booked.status !== 201) return { status: booked.status };
        assert.equal(booked.body.status, 'awaiting_payment');
        assert.deepEqual(booked.body.tickets, []);
        // Start on the next instance, come back through the one after: any instance serves any step.
        const ref = booked.body.reference;
        const started = await call(on(i + 1), 'POST', `/bookings/${ref}/payments`, {
          email: who.userEmail,
          method: 'khalti',
        });
        assert.equal(started.status, 201, JSON.stringify(started.body));
        const back = new URL(khalti.complete(new URL(started.body.redirectUrl).pathname.split('/').pop()));
        // The buyer comes back twice at once (two tabs) while every reconciler runs.
        const returns = await Promise.all(
          [i + 2, i + 3].map((n) => fetch(`${on(n)}${back.pathname}${back.search}`, { redirect: 'manual' })),
        );
        return {
          status: 201,
          ref,
          email: who.userEmail,
          results: returns.map((r) => new URL(r.headers.get('location')).searchParams.get('result')),
        };
      }),
    );
    const winners = results.filter((r) => r.status === 201);
    assert.equal(winners.length, 20);
    assert.equal(results.filter((r) => r.status === 409).length, 40);
    for (const winner of winners) {
      assert.deepEqual(winner.results, ['paid', 'paid']);
      const details = await call(
        others[1].baseUrl,
        'GET',
        `/bookings/${winner.ref}?email=${encodeURIComponent(winner.email)}`,
      );
      assert.equal(details.body.status, 'confirmed');
      assert.equal(details.body.payment.state, 'paid');
      assert.equal(details.body.tickets.length, 1);
    }
    const db = await databaseInvariants(databaseUrl, concert.id);
    assert.deepEqual(db.problems, []);
  });

  it('a second process on the same embedded folder refuses to start and says why', async () => {
    const intruder = startApi({ name: 'intruder', env: { DATA_DIR: dataDir }, timeoutMs: 30_000 });
    await assert.rejects(intruder, /already running/);
    assert.equal((await call(first.baseUrl, 'GET', '/health')).status, 200);
  });

  it('after SIGTERM and a restart, the embedded data is still there and nothing is seeded again', async () => {
    await Promise.all(others.map((api) => api.stop()));
    others = [];
    const before = await call(
      first.baseUrl,
      'GET',
      `/seats/concert/${(await call(first.baseUrl, 'GET', '/concerts')).body.data.at(-1).id}`,
    );
    const stopped = await first.stop();
    assert.equal(stopped.code, 0, first.output());
    assert.match(first.output(), /stopped cleanly/);

    first = await startApi({ name: 'instance A again', env: { DATA_DIR: dataDir } });
    const list = await call(first.baseUrl, 'GET', '/concerts');
    assert.equal(list.body.total, 3);
    const afterRestart = await call(first.baseUrl, 'GET', `/seats/concert/${list.body.data.at(-1).id}`);
    assert.equal(afterRestart.body.bookedSeats, before.body.bookedSeats);
    assert.equal(afterRestart.body.bookedSeats, 100);
  });
});
