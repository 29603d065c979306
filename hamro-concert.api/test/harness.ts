import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import { inject } from 'vitest';
import { createApp } from '../src/app.js';
import type { SeatEventSettings } from '../src/components/seats/seats.events.js';
import { SeatInventories } from '../src/components/seats/seats.feed.js';
import type { WaitingRooms } from '../src/components/waiting-room/waiting-room.service.js';
import type { Payments } from '../src/components/payments/payments.service.js';
import { connectDatabase, type Database } from '../src/db/client.js';
import { answerClientErrors } from '../src/http/client-errors.js';
import type { Readiness } from '../src/http/health.js';
import type { Metrics } from '../src/http/metrics.js';
import type { ProofOfWorkSettings } from '../src/http/proof-of-work.js';
import type { RateLimitSettings } from '../src/http/rate-limits.js';
import { createLogger } from '../src/lib/logger.js';
import { defaultPaymentSettings, type PaymentSettings } from '../src/components/payments/payments.settings.js';
import type { EmailSettings } from '../src/components/emails/emails.settings.js';
import { migrateDatabase } from '../src/db/migrate.js';

export interface TestApp {
  baseUrl: string;
  database: Database;
  inventories: SeatInventories;
  readiness: Readiness;
  metrics: Metrics;
  rooms: WaitingRooms;
  payments: Payments;
  close(): Promise<void>;
}

/** The real app on port 0 over the run's real PostgreSQL, as production builds it. */
export async function startTestApp(
  options: {
    poolSize?: number;
    lockTimeoutMs?: number;
    holdTtlSeconds?: number;
    maxTicketsPerBuyer?: number;
    venueTimeZone?: string;
    cancelClosesHours?: number;
    tokens?: { admin?: string; staff?: string };
    feedPollMs?: number;
    seatEvents?: Partial<SeatEventSettings>;
    connectTimeoutMs?: number;
    maxWaiting?: number;
    /** Names the app's connections in pg_stat_activity, so a test can find and end its own. */
    applicationName?: string;
    /** Replaces how the seat feed connects, so a test can keep it from reaching the database. */
    connectFeed?: (database: Database) => pg.Client;
    /** Receives the app's log lines (JSON) through the product's own logger; without it the app is silent. */
    logLines?: string[];
    /** Serves /metrics to this bearer token. */
    metricsToken?: string;
    /** Serves the web app's files from this folder, as production serves the built app. */
    webAppDir?: string;
    /** Rate limits as RATE_LIMIT_* set them; without, none (as most tests fire many requests from one address). */
    rateLimits?: RateLimitSettings;
    trustProxyHops?: number;
    waitingRoomTickMs?: number;
    corsOrigin?: string;
    /** What a new session's first hold or join costs; without, nothing (as most tests hold freely). */
    proofOfWork?: ProofOfWorkSettings;
    /** Payment settings over the defaults (test mode, eSewa's test merchant); the reconciler runs only if asked. */
    payments?: Partial<PaymentSettings>;
    /** Emails to buyers: without, none are sent (they wait in the outbox). */
    emails?: EmailSettings;
    /** Another database than the run's shared one (see freshDatabase). */
    databaseUrl?: string;
  } = {},
): Promise<TestApp> {
  const database = connectDatabase(options.databaseUrl ?? inject('databaseUrl'), {
    poolSize: options.poolSize ?? 20,
    lockTimeoutMs: options.lockTimeoutMs ?? 5000,
    connectTimeoutMs: options.connectTimeoutMs ?? 5000,
    applicationName: options.applicationName,
  });
  const lines = options.logLines;
  const logger = lines ? createLogger('info', { write: (line: string) => lines.push(line) }) : createLogger('silent');
  const inventories = new SeatInventories({
    db: database.db,
    connect: () => options.connectFeed?.(database) ?? database.dedicatedClient('seat-feed'),
    logger,
    pollMs: options.feedPollMs ?? 10,
  }).start();
  const app = createApp({
    db: database.db,
    inventories,
    pool: database.pool,
    maxWaiting: options.maxWaiting,
    seatEvents: options.seatEvents ?? {},
    logger,
    holdTtlSeconds: options.holdTtlSeconds ?? 600,
    maxTicketsPerBuyer: options.maxTicketsPerBuyer ?? 10,
    venueTimeZone: options.venueTimeZone,
    cancelClosesHours: options.cancelClosesHours ?? 0,
    tokens: options.tokens ?? {},
    metricsToken: options.metricsToken,
    webAppDir: options.webAppDir,
    rateLimits: options.rateLimits,
    corsOrigin: options.corsOrigin,
    trustProxyHops: options.trustProxyHops,
    proofOfWork: options.proofOfWork,
    payments: { ...defaultPaymentSettings(), reconcileIntervalMs: 600_000, ...options.payments },
    emails: options.emails,
    // Ticks only where a test asks for them: a tick takes a pooled connection, which tests of a busy pool count.
    waitingRoom: { tickMs: options.waitingRoomTickMs ?? 600_000 },
  });
  const server = app.listen(0, '127.0.0.1');
  answerClientErrors(server);
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  const { port } = server.address() as AddressInfo;
  app.readiness.phase = 'serving';
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    database,
    inventories,
    readiness: app.readiness,
    metrics: app.metrics,
    rooms: app.rooms,
    payments: app.payments,
    async close() {
      app.closeStreams();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await inventories.stop();
      await database.close();
    },
  };
}

/**
 * A database of its own on the run's PostgreSQL, migrated: for a test whose background work (such as
 * the email sender) must not pick up what the test files running beside it write.
 */
export async function freshDatabase(name: string): Promise<string> {
  const url = new URL(inject('databaseUrl'));
  const admin = connectDatabase(url.toString(), { poolSize: 1 });
  const database = `${name}_${Date.now().toString(36)}`;
  await admin.pool.query(`create database ${database}`);
  await admin.close();
  url.pathname = `/${database}`;
  const fresh = connectDatabase(url.toString(), { poolSize: 1 });
  await migrateDatabase(fresh.db);
  await fresh.close();
  return url.toString();
}

export interface JsonResponse<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export async function request<T = any>(
  app: TestApp,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
): Promise<JsonResponse<T>> {
  const response = await fetch(`${app.baseUrl}${path}`, {
    method,
    headers: body === undefined ? headers : { 'content-type': 'application/json', ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    // not JSON; keep the text
  }
  return { status: response.status, headers: response.headers, body: parsed as T };
}

export const get = <T = any>(app: TestApp, path: string, headers?: Record<string, string>) =>
  request<T>(app, 'GET', path, undefined, headers);
export const post = <T = any>(app: TestApp, path: string, body: unknown, headers?: Record<string, string>) =>
  request<T>(app, 'POST', path, body, headers);
export const del = <T = any>(app: TestApp, path: string, headers?: Record<string, string>) =>
  request<T>(app, 'DELETE', path, undefined, headers);
export const put = <T = any>(app: TestApp, path: string, body: unknown, headers?: Record<string, string>) =>
  request<T>(app, 'PUT', path, body, headers);

/** Polls until `check` passes or the time is up; for waiting on real expiry without fixed sleeps. */
export async function eventually(check: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * Takes a seat's row lock in a transaction of the test's own, so that a booking of the seat stays
 * in flight until `release`. `waiters` counts the statements queued in PostgreSQL behind that lock,
 * directly or behind another waiter.
 */
async function lockSeatRow(app: TestApp, seatId: number) {
  const client = await app.database.pool.connect();
  await client.query('begin');
  await client.query('select id from seats where id = $1 for update', [seatId]);
  const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
  const holder = rows[0]!.pid;
  return {
    async waiters(): Promise<number> {
      const result = await app.database.pool.query<{ n: number }>(
        `with recursive blocked(pid) as (
           select pid from pg_stat_activity where $1::int = any(pg_blocking_pids(pid))
           union
           select a.pid from pg_stat_activity a join blocked b on b.pid = any(pg_blocking_pids(a.pid))
         )
         select count(*)::int as n from blocked`,
        [holder],
      );
      return result.rows[0]!.n;
    },
    async release(): Promise<void> {
      await client.query('rollback');
      client.release();
    },
  };
}

/**
 * Keeps `first` in flight behind a row lock the test holds on the seat, sends `crowd` while it is,
 * then lets it go. Returns every answer and how many statements were queued in PostgreSQL behind
 * the lock while the crowd was there.
 */
export async function crowdBehindFirst<T>(
  app: TestApp,
  seatId: number,
  first: () => Promise<T>,
  crowd: () => Promise<T>[],
): Promise<{ first: T; crowd: T[]; queuedInDatabase: number }> {
  const lock = await lockSeatRow(app, seatId);
  const firstAnswer = first();
  await eventually(async () => (await lock.waiters()) === 1);
  const crowdAnswers = crowd();
  await new Promise((resolve) => setTimeout(resolve, 300));
  const queuedInDatabase = await lock.waiters();
  await lock.release();
  return { first: await firstAnswer, crowd: await Promise.all(crowdAnswers), queuedInDatabase };
}
