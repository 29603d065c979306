// How the product starts and shows itself to an operator, on real processes over a database of the test's own.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { startEmbeddedDatabase } from 'hamro-concert.api/embedded';
import { book, call, findFreeSeats, uniqueBuyer } from '../lib/client.js';
import { freePort, startApi, tempDataDir } from '../lib/servers.js';

describe('operating the API', () => {
  const root = tempDataDir('hamro-operations-');
  let database;
  const started = [];

  before(async () => {
    database = await startEmbeddedDatabase({ dataDir: path.join(root, 'postgres') });
  });

  after(async () => {
    await Promise.all(started.map((api) => api.stop()));
    await database?.stop();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('when the workers pools would not fit the database connection limit, then start-up refuses in one clear sentence', async () => {
    const attempt = startApi({
      name: 'too many connections',
      env: { DATABASE_URL: database.url, API_WORKERS: '2', DB_POOL_SIZE: '200' },
      timeoutMs: 30_000,
    });
    const error = await attempt.then(
      () => undefined,
      (failure) => failure,
    );
    assert.ok(error, 'the instance started although its pools cannot fit');
    assert.match(error.message, /needs 402 database connections \(API_WORKERS 2 × \(DB_POOL_SIZE 200 \+ 1/);
    assert.match(error.message, /lower DB_POOL_SIZE or API_WORKERS, or raise max_connections/);
    assert.doesNotMatch(error.message, /\n\s+at /, 'a stack trace was printed');
  });

  it('when METRICS_PORT is set with two workers, then /metrics there adds up both workers and the API port does not serve it', async () => {
    const metricsPort = await freePort();
    const api = await startApi({
      name: 'metrics',
      env: { DATABASE_URL: database.url, API_WORKERS: '2', METRICS_PORT: String(metricsPort) },
    });
    started.push(api);
    const { seats } = await findFreeSeats(api.baseUrl, 4);
    for (const seat of seats) assert.equal((await book(api.baseUrl, uniqueBuyer('Counted'), [seat.id])).status, 201);

    assert.equal((await call(api.baseUrl, 'GET', '/metrics')).status, 404);
    const response = await fetch(`http://127.0.0.1:${metricsPort}/metrics`);
    assert.equal(response.status, 200);
    const text = await response.text();
    const booked = Number(/^hamro_outcomes_total\{operation="booking",code="ok"\} (\d+)$/m.exec(text)?.[1]);
    assert.equal(booked, 4, 'the bookings of both workers are not added up');
    assert.match(text, /^hamro_db_pool_connections\{state="total"\} \d+$/m);
    assert.equal((await fetch(`http://127.0.0.1:${metricsPort}/`)).status, 404);
  });

  it('when the embedded database starts, then its URL is logged without the password', async () => {
    const dataDir = tempDataDir('hamro-operations-embedded-');
    try {
      const api = await startApi({ name: 'embedded', env: { DATA_DIR: dataDir } });
      started.push(api);
      const password = fs.readFileSync(path.join(dataDir, 'postgres.password'), 'utf8').trim();
      assert.ok(password.length >= 16);
      assert.ok(!api.output().includes(password), 'the password is in the log');
      assert.match(api.output(), /embedded PostgreSQL is running at postgresql:\/\/postgres:\*\*\*@127\.0\.0\.1/);
      await api.stop();
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
