// The seat feed across real API processes: three instances on one PostgreSQL of the test's own,
// which the test stops and starts again in the middle of a booking storm.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import pg from 'pg';
import { startEmbeddedDatabase } from 'hamro-concert.api/embedded';
import { book, call, uniqueBuyer } from '../lib/client.js';
import { openSeatStream } from '../lib/events.js';
import { databaseInvariants, httpInvariants } from '../lib/invariants.js';
import { freePort, startApi, tempDataDir } from '../lib/servers.js';
import { createConcert, sellOut, stadiumConcert } from '../lib/stadium.js';

const ADMIN_TOKEN = `feed-test-admin-${Date.now()}`;

/** Each seat's status in the database, as the seat map would show it. */
async function databaseStatuses(databaseUrl, concertId) {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(
      `select id, case when booking_id is not null then 'booked' when held_until > now() then 'held' else 'available' end as status
       from seats where concert_id = $1`,
      [concertId],
    );
    return new Map(rows.map((row) => [row.id, row.status]));
  } finally {
    await client.end();
  }
}

async function mapStatuses(baseUrl, concertId) {
  const map = (await call(baseUrl, 'GET', `/seats/concert/${concertId}`)).body;
  return new Map(map.seats.map((seat) => [seat.id, seat.status]));
}

describe('three API instances following one seat feed', () => {
  const root = tempDataDir('hamro-feed-');
  const dataDir = path.join(root, 'postgres');
  let port;
  let database;
  let instances = [];

  before(async () => {
    port = await freePort();
    database = await startEmbeddedDatabase({ dataDir, port });
    const env = { DATABASE_URL: database.url, ADMIN_TOKEN };
    const first = await startApi({ name: 'instance A', env });
    instances = [
      first,
      ...(await Promise.all([
        startApi({ name: 'instance B', env }),
        startApi({ name: 'instance C', env: { ...env, API_WORKERS: '2' } }),
      ])),
    ];
  });

  after(async () => {
    await Promise.all(instances.map((api) => api.stop()));
    await database?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('a booking through instance A reaches a live-stream subscriber of instance C within a second', async () => {
    const [a, , c] = instances;
    const concert = (await call(a.baseUrl, 'GET', '/concerts')).body.data[0];
    const seat = (await call(a.baseUrl, 'GET', `/seats/concert/${concert.id}/available`)).body[0];
    const stream = await openSeatStream(c.baseUrl, concert.id);
    assert.equal(stream.response.status, 200);
    const booked = book(a.baseUrl, uniqueBuyer('Feed Buyer'), [seat.id]);
    const started = performance.now();
    const heardAt = await stream.waitFor(seat.id, 'booked', 5000);
    assert.equal((await booked).status, 201);
    console.log(`# a booking on A reached a subscriber of C after ${Math.round(heardAt - started)} ms`);
    assert.ok(heardAt - started < 1000, `took ${heardAt - started} ms`);
    stream.close();
  });

  it('300 parallel best-available buyers spread over the three instances sell every seat at most once', async () => {
    const concert = await createConcert(instances[0].baseUrl, stadiumConcert(0.05), ADMIN_TOKEN);
    const seats = concert.tiers.reduce((n, tier) => n + tier.total, 0);
    const result = await sellOut({
      baseUrls: instances.map((api) => api.baseUrl),
      concert,
      buyers: 300,
      maxSeconds: 120,
    });
    console.log(
      `# ${seats} seats: ${result.seatsSold} sold in ${result.seconds.toFixed(1)} s, p99 ${Math.round(result.p99)} ms, ${JSON.stringify(result.outcomes)}`,
    );
    assert.ok(result.finished, 'the on-sale did not finish');
    assert.equal(result.errors, 0, JSON.stringify(result.outcomes));
    assert.equal(result.seatsSold, seats);
    assert.deepEqual((await databaseInvariants(database.url, concert.id)).problems, []);
    for (const api of instances) {
      const http = await httpInvariants(api.baseUrl, concert.id);
      assert.deepEqual(http.problems, []);
      assert.equal(http.booked, seats);
    }
  });

  it('when PostgreSQL restarts during a booking storm, then requests meanwhile get 503 with Retry-After, never 500, and every inventory ends correct', async () => {
    const concert = await createConcert(instances[0].baseUrl, stadiumConcert(0.1), ADMIN_TOKEN);
    // Every instance has the concert in memory before the storm.
    for (const api of instances) await call(api.baseUrl, 'GET', `/seats/concert/${concert.id}`);
    const free = (await call(instances[0].baseUrl, 'GET', `/seats/concert/${concert.id}/available`)).body.map(
      (s) => s.id,
    );
    const keptForAfter = free.splice(-instances.length);
    const outcomes = {};
    let missingRetryAfter = 0;
    let stop = false;
    let next = 0;
    const storm = Array.from({ length: 30 }, async (_, i) => {
      const api = instances[i % instances.length];
      while (!stop && next < free.length) {
        const seatId = free[next++];
        const response = await fetch(`${api.baseUrl}/ticket-bookings/seats`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ...uniqueBuyer('Storm'), seatIds: [seatId] }),
        }).catch(() => undefined);
        const status = response?.status ?? 0;
        outcomes[status] = (outcomes[status] ?? 0) + 1;
        if (status === 503 && !response.headers.get('retry-after')) missingRetryAfter++;
        await response?.arrayBuffer();
        if (status === 503) await new Promise((resolve) => setTimeout(resolve, 50));
      }
    });

    await new Promise((resolve) => setTimeout(resolve, 1000));
    await database.stop();
    await new Promise((resolve) => setTimeout(resolve, 1500));
    database = await startEmbeddedDatabase({ dataDir, port });
    await new Promise((resolve) => setTimeout(resolve, 2000));
    stop = true;
    await Promise.all(storm);
    console.log(`# booking storm through a PostgreSQL restart: ${JSON.stringify(outcomes)}`);

    assert.equal(outcomes[500] ?? 0, 0, `some requests failed with 500: ${JSON.stringify(outcomes)}`);
    assert.ok((outcomes[503] ?? 0) > 0, 'the restart was not noticed');
    assert.equal(missingRetryAfter, 0);
    assert.ok((outcomes[201] ?? 0) > 0);

    // Recovered by itself: a booking goes through on every instance, and every map matches the database.
    for (const [i, api] of instances.entries()) {
      const seatId = keptForAfter[i];
      assert.equal((await book(api.baseUrl, uniqueBuyer('After'), [seatId])).status, 201);
    }
    const truth = await databaseStatuses(database.url, concert.id);
    for (const api of instances) {
      let agrees = false;
      for (let attempt = 0; attempt < 50 && !agrees; attempt++) {
        const shown = await mapStatuses(api.baseUrl, concert.id);
        agrees = shown.size === truth.size && [...truth].every(([id, status]) => shown.get(id) === status);
        if (!agrees) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      assert.ok(agrees, `${api.name}'s seat map disagrees with the database after the restart`);
      assert.match(api.output(), /the seat feed caught up from the database after a lost connection/);
    }
    assert.deepEqual((await databaseInvariants(database.url, concert.id)).problems, []);
  });
});
