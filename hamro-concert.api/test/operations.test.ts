import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { connectDatabase } from '../src/db/client.js';
import { migrateDatabase, migrationsAreCurrent } from '../src/db/migrate.js';
import { buildConcert, buyer, seatsOf } from './factories.js';
import { type TestApp, get, post, startTestApp } from './harness.js';

const ADMIN = 'admin-token-ops-0123456789abcdef';
const STAFF = 'staff-token-ops-0123456789abcdef';
const METRICS = 'metrics-token-0123456789abcdef';

let app: TestApp;
const lines: string[] = [];
beforeAll(async () => {
  app = await startTestApp({ tokens: { admin: ADMIN, staff: STAFF }, metricsToken: METRICS, logLines: lines });
});
afterAll(async () => {
  await app.close();
});

const logged = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);

describe('health for a load balancer', () => {
  it('when the process answers, then /health/live and /health are 200 without touching the database', async () => {
    for (const path of ['/health/live', '/health']) {
      const response = await get(app, path);
      expect(response.status).toBe(200);
      expect(response.body).toEqual({ status: 'ok' });
      expect(response.headers.get('cache-control')).toBe('no-store');
    }
  });

  it('when serving with a current database and a connected feed, then /health/ready is 200', async () => {
    const response = await get(app, '/health/ready');
    expect(response.status).toBe(200);
    expect(response.body).toEqual({ status: 'ready', checks: { database: 'ok', migrations: 'ok', seatFeed: 'ok' } });
  });

  it('when the process is starting or stopping, then /health/ready is 503 not-ready while /health/live stays 200', async () => {
    const other = await startTestApp();
    try {
      for (const phase of ['starting', 'stopping'] as const) {
        other.readiness.phase = phase;
        const ready = await get(other, '/health/ready');
        expect(ready.status).toBe(503);
        expect(ready.headers.get('content-type')).toContain('application/problem+json');
        expect(ready.body).toMatchObject({ code: 'not-ready', checks: { phase } });
        expect(ready.headers.get('retry-after')).toBe('1');
        expect((await get(other, '/health/live')).status).toBe(200);
      }
    } finally {
      await other.close();
    }
  });

  it('when the seat feed cannot reach the database, then /health/ready is 503 naming the feed', async () => {
    const cut = await startTestApp({
      connectFeed: () => new pg.Client({ host: '127.0.0.1', port: 1, connectionTimeoutMillis: 200 }),
    });
    try {
      const ready = await get(cut, '/health/ready');
      expect(ready.status).toBe(503);
      expect(ready.body.checks).toMatchObject({ database: 'ok', migrations: 'ok', seatFeed: 'disconnected' });
    } finally {
      await cut.close();
    }
  });

  it('when a database lacks the migrations, then they are reported behind until they are applied', async () => {
    const name = `ready_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: inject('databaseUrl') });
    await admin.connect();
    await admin.query(`create database ${name}`);
    const url = new URL(inject('databaseUrl'));
    url.pathname = `/${name}`;
    const fresh = connectDatabase(url.toString(), { poolSize: 1 });
    try {
      expect(await migrationsAreCurrent(fresh.db)).toBe(false);
      await migrateDatabase(fresh.db);
      expect(await migrationsAreCurrent(fresh.db)).toBe(true);
    } finally {
      await fresh.close();
      await admin.query(`drop database ${name}`);
      await admin.end();
    }
  });
});

describe('metrics', () => {
  it('when no METRICS_TOKEN is set, then /metrics is not served on the API port', async () => {
    const other = await startTestApp();
    try {
      const response = await get(other, '/metrics');
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('route-not-found');
    } finally {
      await other.close();
    }
  });

  it('when /metrics is asked without the token or with a wrong one, then 401 or 403', async () => {
    expect((await get(app, '/metrics')).status).toBe(401);
    expect((await get(app, '/metrics', { authorization: `Bearer ${ADMIN}` })).status).toBe(403);
  });

  it('when bookings win and lose, then /metrics counts them by code next to durations, the pool and the streams', async () => {
    const concert = await buildConcert(app);
    const [first] = await seatsOf(app, concert.id);
    expect((await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [first!.id] })).status).toBe(201);
    expect((await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [first!.id] })).status).toBe(409);

    const response = await fetch(`${app.baseUrl}/metrics`, { headers: { authorization: `Bearer ${METRICS}` } });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/plain');
    const text = await response.text();
    const value = (pattern: RegExp) => Number(pattern.exec(text)?.[1] ?? Number.NaN);
    expect(value(/^hamro_outcomes_total\{operation="booking",code="ok"\} (\d+)$/m)).toBeGreaterThanOrEqual(1);
    expect(
      value(/^hamro_outcomes_total\{operation="booking",code="seat-already-booked"\} (\d+)$/m),
    ).toBeGreaterThanOrEqual(1);
    expect(
      value(
        /^hamro_http_request_duration_seconds_count\{method="POST",route="\/ticket-bookings\/seats",status="201"\} (\d+)$/m,
      ),
    ).toBeGreaterThanOrEqual(1);
    expect(text).toMatch(/^hamro_db_pool_connections\{state="total"\} \d+$/m);
    expect(text).toMatch(/^hamro_db_pool_connections\{state="waiting"\} \d+$/m);
    expect(text).toMatch(/^hamro_live_stream_subscribers \d+$/m);
    expect(text).toMatch(/^hamro_lock_timeouts_total \d+$/m);
    expect(text).toMatch(/^hamro_seat_feed_connected 1$/m);
    expect(text).toMatch(/^process_cpu_user_seconds_total /m);
    expect(text).toMatch(/^nodejs_eventloop_lag_seconds /m);
  });
});

describe('access logs', () => {
  it('when a buyer books, looks the booking up and is checked in, then each request logs one line and no private data', async () => {
    const concert = await buildConcert(app);
    const [seat, next] = await seatsOf(app, concert.id);
    const person = buyer({ userName: 'Sunita Privatename' });
    const booking = await post(app, '/ticket-bookings/seats', { ...person, seatIds: [seat!.id] });
    expect(booking.status).toBe(201);
    const reference: string = booking.body.reference;
    const lookup = await get(app, `/bookings/${reference}?email=${encodeURIComponent(person.userEmail)}`);
    expect(lookup.status).toBe(200);
    const code: string = lookup.body.tickets[0].code;
    const checkIn = await post(
      app,
      '/check-in',
      { code, concertId: concert.id },
      { authorization: `Bearer ${STAFF}`, 'x-request-id': 'door-scan-1' },
    );
    expect(checkIn.status).toBe(200);
    const hold = await post(app, '/holds', { concertId: concert.id, seatIds: [next!.id] });
    expect(hold.status).toBe(201);
    await get(app, `/holds/${hold.body.holdToken}`);

    const text = lines.join('');
    for (const secret of [
      person.userEmail,
      person.userName,
      'Privatename',
      reference,
      code,
      STAFF,
      hold.body.holdToken,
    ])
      expect(text, `the log names ${secret}`).not.toContain(secret);

    const access = logged().filter((line) => line.msg === 'request completed');
    const scan = access.filter((line) => line.reqId === 'door-scan-1');
    expect(scan).toHaveLength(1);
    expect(scan[0]).toMatchObject({ method: 'POST', route: '/check-in', status: 200, level: 30 });
    expect(typeof scan[0]!.durationMs).toBe('number');
    expect(access.map((line) => line.route)).toEqual(
      expect.arrayContaining(['/ticket-bookings/seats', '/bookings/:reference', '/holds/:holdToken']),
    );
  });

  it('when a request fails unexpectedly, then its error line and its access line carry the same request id and no buyer data', async () => {
    const broken = await startTestApp({ logLines: lines });
    await broken.database.close(); // every query now fails inside the app
    try {
      const email = `hidden-${randomUUID()}@example.com`;
      const response = await get(broken, `/bookings/ABCDEFGH2345?email=${encodeURIComponent(email)}`, {
        'x-request-id': 'broken-1',
      });
      expect(response.status).toBe(500);
      const mine = logged().filter((line) => line.reqId === 'broken-1');
      expect(mine.map((line) => line.msg)).toEqual(['request failed', 'request failed']);
      expect(mine[0]).toHaveProperty('err');
      expect(JSON.stringify(mine)).not.toContain(email);
      expect(JSON.stringify(mine)).not.toContain('ABCDEFGH2345');
    } finally {
      await broken.inventories.stop();
    }
  });
});
