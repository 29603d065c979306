// Faults an operator meets, drilled on real API processes over one PostgreSQL of the test's own:
// a SIGTERM in the middle of a booking storm, and a storm through a kill -9 of one instance and a
// restart of the database. Afterwards every 201 is a booking and every booking was answered 201.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { startEmbeddedDatabase } from 'hamro-concert.api/embedded';
import { book, call, uniqueBuyer } from '../lib/client.js';
import { bookUntilAnswered, buyerLog } from '../lib/careful-buyer.js';
import { openSeatStream } from '../lib/events.js';
import { databaseInvariants, lostAndGhosts } from '../lib/invariants.js';
import { startFakeKhalti } from '../lib/fakes/khalti.js';
import { freePort, startApi, tempDataDir } from '../lib/servers.js';
import { createConcert, stadiumConcert } from '../lib/stadium.js';

const ADMIN_TOKEN = `faults-test-admin-${Date.now()}`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** No booking lost (answered 201, not stored) and none a ghost (stored, never answered 201); invariants hold. */
async function assertAnsweredAreStored(databaseUrl, concertId, answered) {
  const { lost, ghosts } = await lostAndGhosts(databaseUrl, concertId, answered);
  assert.deepEqual(lost, [], 'lost: answered 201 but not in the database');
  assert.deepEqual(ghosts, [], 'ghost: in the database but never answered 201');
  assert.deepEqual((await databaseInvariants(databaseUrl, concertId)).problems, []);
}

async function freeSeatIds(baseUrl, concertId) {
  return (await call(baseUrl, 'GET', `/seats/concert/${concertId}/available`)).body.map((seat) => seat.id);
}

function count(outcomes, key) {
  outcomes[key] = (outcomes[key] ?? 0) + 1;
}

/** Statuses a buyer may meet while things fail: a booking, a refusal, busy; anything else is a bug. */
const ACCEPTABLE = new Set(['201', '409', '503', 'connection-error']);

async function untilReady(api, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const ready = await fetch(`${api.baseUrl}/health/ready`).catch(() => undefined);
    if (ready?.ok) return true;
    await sleep(200);
  }
  return false;
}

describe('faults drilled on three API instances', () => {
  const root = tempDataDir('hamro-faults-');
  const dataDir = path.join(root, 'postgres');
  let port;
  let database;
  const started = [];

  before(async () => {
    port = await freePort();
    database = await startEmbeddedDatabase({ dataDir, port });
  });

  after(async () => {
    await Promise.all(started.map((api) => api.stop()));
    await database?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  const startInstance = async (name, env = {}) => {
    const api = await startApi({ name, env: { DATABASE_URL: database.url, ADMIN_TOKEN, ...env } });
    started.push(api);
    return api;
  };

  it('when SIGTERM arrives during a booking storm, then every request is answered 201, 409 or 503, every 201 is a booking, and the process exits cleanly', async () => {
    const api = await startInstance('instance draining', { SHUTDOWN_TIMEOUT_SECONDS: '10' });
    const concert = await createConcert(api.baseUrl, stadiumConcert(0.04), ADMIN_TOKEN);
    const free = await freeSeatIds(api.baseUrl, concert.id);
    const stream = await openSeatStream(api.baseUrl, concert.id);

    const outcomes = {};
    const answered = new Set();
    let next = 0;
    let closedAt;
    const storm = Array.from({ length: 30 }, async () => {
      while (next < free.length) {
        const seatId = free[next++];
        const response = await fetch(`${api.baseUrl}/ticket-bookings/seats`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ...uniqueBuyer('Drain'), seatIds: [seatId] }),
          signal: AbortSignal.timeout(15_000),
        }).catch((error) => error);
        if (response instanceof Error) {
          // Once the server stops accepting, new connections are refused: the storm ends there.
          count(outcomes, response.name === 'TimeoutError' ? 'timeout' : 'connection-error');
          return;
        }
        count(outcomes, String(response.status));
        const body = await response.json();
        if (response.status === 201) answered.add(body.reference);
        if (response.headers.get('connection') === 'close') closedAt ??= Date.now();
      }
    });

    await sleep(1_000);
    const signalledAt = Date.now();
    api.child.kill('SIGTERM');
    const exit = await api.exited;
    const exitMs = Date.now() - signalledAt;
    await Promise.all(storm);
    console.log(`# SIGTERM during a storm: exited in ${exitMs} ms with ${exit.code}; ${JSON.stringify(outcomes)}`);

    assert.deepEqual(
      Object.keys(outcomes).filter((key) => !ACCEPTABLE.has(key)),
      [],
      `unexpected answers: ${JSON.stringify(outcomes)}`,
    );
    assert.ok((outcomes['201'] ?? 0) > 50, 'the storm was under way when the signal came');
    assert.equal(exit.code, 0, api.output());
    assert.ok(exitMs < 10_000, `the process took ${exitMs} ms to stop`);
    assert.match(api.output(), /stopped cleanly/);
    assert.equal(
      await Promise.race([stream.ended, sleep(1_000).then(() => false)]),
      true,
      'the live stream was not ended',
    );
    assert.ok(stream.retryHints.at(-1) <= 1_000, `the stream ended without a short retry hint: ${stream.retryHints}`);

    await assertAnsweredAreStored(database.url, concert.id, answered);
  });

  it('when one instance is killed with -9 and PostgreSQL restarts during a storm, then no booking is lost or ghost and the survivors recover by themselves', async () => {
    const instances = [
      await startInstance('instance A'),
      await startInstance('instance B (killed)'),
      await startInstance('instance C'),
    ];
    const [a, b, c] = instances;
    const concert = await createConcert(a.baseUrl, stadiumConcert(0.1), ADMIN_TOKEN);
    const free = await freeSeatIds(a.baseUrl, concert.id);
    const keptForAfter = free.splice(-2);

    const log = buyerLog();
    const { outcomes, answered, unsettled } = log;
    let stop = false;
    let next = 0;
    // Each buyer retries on the next instance.
    const buyer = (seatId, first) =>
      bookUntilAnswered(seatId, (attempt) => instances[attempt % instances.length].baseUrl, log, { first });

    const storm = Array.from({ length: 30 }, async (_, i) => {
      while (!stop && next < free.length) await buyer(free[next++], i);
    });

    await sleep(1_500);
    b.child.kill('SIGKILL');
    await sleep(1_000);
    await database.stop();
    await sleep(1_500);
    database = await startEmbeddedDatabase({ dataDir, port });
    await sleep(2_000);
    stop = true;
    await Promise.all(storm);
    console.log(`# storm through kill -9 and a PostgreSQL restart: ${JSON.stringify(outcomes)}`);

    assert.deepEqual(
      Object.keys(outcomes).filter((key) => !ACCEPTABLE.has(key)),
      [],
      `unexpected answers: ${JSON.stringify(outcomes)}`,
    );
    assert.ok((outcomes['connection-error'] ?? 0) > 0, 'the killed instance was not noticed');
    assert.ok((outcomes['503'] ?? 0) > 0, 'the restart was not noticed');
    assert.deepEqual(unsettled, [], 'some buyers were never answered 201');

    await assertAnsweredAreStored(database.url, concert.id, answered);

    // The survivors recovered without help: ready again, and booking.
    for (const [i, api] of [a, c].entries()) {
      assert.ok(await untilReady(api), `${api.name} did not become ready again`);
      assert.equal((await book(api.baseUrl, uniqueBuyer('After'), [keptForAfter[i]])).status, 201);
    }
  });

  it('when the instance that started Khalti payments is killed with -9 and PostgreSQL restarts, then those who paid get their tickets once and the others lose their hold', async () => {
    const khalti = await startFakeKhalti();
    try {
      const payments = {
        KHALTI_SECRET_KEY: 'test-khalti-secret',
        KHALTI_BASE_URL: khalti.baseUrl,
        RECONCILE_INTERVAL_MS: '300',
      };
      const survivor = await startInstance('instance S (reconciles)', payments);
      const doomed = await startInstance('instance K (killed with payments in flight)', payments);
      const concert = await createConcert(survivor.baseUrl, stadiumConcert(0.02), ADMIN_TOKEN);
      const seats = (await freeSeatIds(survivor.baseUrl, concert.id)).slice(0, 40);

      // 40 buyers book and start paying through K; half pay at Khalti, and none comes back.
      const buyers = await Promise.all(
        seats.map(async (seatId, i) => {
          const who = uniqueBuyer('Gone');
          const booked = await call(doomed.baseUrl, 'POST', '/ticket-bookings/seats', {
            ...who,
            seatIds: [seatId],
            payment: 'khalti',
          });
          assert.equal(booked.status, 201);
          const started = await call(doomed.baseUrl, 'POST', `/bookings/${booked.body.reference}/payments`, {
            email: who.userEmail,
            method: 'khalti',
          });
          assert.equal(started.status, 201);
          const pays = i % 2 === 0;
          if (pays) khalti.complete(new URL(started.body.redirectUrl).pathname.split('/').pop());
          return { reference: booked.body.reference, email: who.userEmail, pays };
        }),
      );
      doomed.child.kill('SIGKILL');
      await database.stop();
      await sleep(1_000);
      database = await startEmbeddedDatabase({ dataDir, port });
      assert.ok(await untilReady(survivor), 'the survivor did not become ready again');

      // Their windows end; the survivor's reconciler asks Khalti about every attempt, then frees the rest.
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      try {
        await client.query(
          `update bookings set payment_due_at = now() where concert_id = $1 and status = 'awaiting_payment'`,
          [concert.id],
        );
        const deadline = Date.now() + 30_000;
        let awaiting = Infinity;
        while (awaiting > 0 && Date.now() < deadline) {
          await sleep(200);
          const { rows } = await client.query(
            `select count(*)::int as n from bookings where concert_id = $1 and status = 'awaiting_payment'`,
            [concert.id],
          );
          awaiting = rows[0].n;
        }
        assert.equal(awaiting, 0, 'bookings still awaiting payment after their windows');
      } finally {
        await client.end();
      }
      for (const buyer of buyers) {
        const details = await call(
          survivor.baseUrl,
          'GET',
          `/bookings/${buyer.reference}?email=${encodeURIComponent(buyer.email)}`,
        );
        assert.equal(details.body.status, buyer.pays ? 'confirmed' : 'expired', buyer.reference);
        assert.equal(details.body.tickets.length, buyer.pays ? 1 : 0);
      }
      assert.deepEqual((await databaseInvariants(database.url, concert.id)).problems, []);
    } finally {
      await khalti.close();
    }
  });
});
