import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { PROOF_OF_WORK_DEFAULTS, type ProofOfWorkSettings } from './http/proof-of-work.js';
import { RATE_LIMIT_DEFAULTS, type RateLimitSettings } from './http/rate-limits.js';
import { paymentEnv, paymentSettings, type PaymentSettings } from './components/payments/payments.settings.js';
import { emailEnv, emailSettings, type EmailSettings } from './components/emails/emails.settings.js';
import { isCurrency, isTimeZone } from 'hamro-concert.contracts';

/** The repository root: `DATA_DIR` defaults to `.data` here, wherever the process was started. */
export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());
const port = z.coerce.number().int().min(0).max(65535);

const envSchema = z.object({
  NODE_ENV: z.preprocess(emptyAsUndefined, z.enum(['development', 'production', 'test']).default('development')),
  PORT: z.preprocess(emptyAsUndefined, port.default(3000)),
  HOST: z.preprocess(emptyAsUndefined, z.string().default('0.0.0.0')),
  CORS_ORIGIN: optionalString,
  DATA_DIR: optionalString,
  DATABASE_URL: z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' }).optional(),
  ),
  // A replica (HAProxy's replica port) for reads that may lag a moment: organizer reports, the booking lookup.
  DATABASE_READ_URL: z.preprocess(
    emptyAsUndefined,
    z.url({ protocol: /^postgres(ql)?$/, error: 'must be a postgres:// or postgresql:// URL' }).optional(),
  ),
  DATABASE_READ_MAX_LAG_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(600_000).default(1000)),
  DB_HOST: optionalString,
  DB_PORT: z.preprocess(emptyAsUndefined, port.optional()),
  DB_USER: optionalString,
  DB_PASSWORD: optionalString,
  DB_NAME: optionalString,
  // About four connections per core: measured on 2 cores, 8 connections book about 15% more per second
  // than 20, which only queue inside PostgreSQL and contend there for the same locks.
  DB_POOL_SIZE: z.preprocess(
    emptyAsUndefined,
    z.coerce
      .number()
      .int()
      .min(1)
      .max(200)
      .default(() => 4 * availableParallelism()),
  ),
  DB_LOCK_TIMEOUT_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(50).max(60_000).default(3000)),
  // A request that cannot get a pooled connection this soon is answered 503 busy-try-again.
  DB_CONNECT_TIMEOUT_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(50).max(60_000).default(2000)),
  // While this many requests already wait for a pooled connection, new ones are shed with 503 at once.
  DB_MAX_WAITING: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(100_000).default(512)),
  SEAT_FEED_POLL_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(1000).default(10)),
  SEAT_EVENTS_MAX_SUBSCRIBERS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(0).max(1_000_000).default(10_000),
  ),
  SEAT_EVENTS_BATCH_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(100).max(250).default(250)),
  SEAT_EVENTS_HEARTBEAT_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(300).default(15)),
  ADMIN_TOKEN: optionalString,
  STAFF_TOKEN: optionalString,
  VENUE_TIME_ZONE: z.preprocess(
    emptyAsUndefined,
    z.string().refine(isTimeZone, 'must be an IANA time zone name, such as Asia/Kathmandu').default('Asia/Kathmandu'),
  ),
  CURRENCY: z.preprocess(
    emptyAsUndefined,
    z.string().refine(isCurrency, 'must be an ISO 4217 currency code, such as NPR').default('NPR'),
  ),
  CANCEL_CLOSES_HOURS_BEFORE: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(720).default(0)),
  MAX_TICKETS_PER_BUYER: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(1000).default(10)),
  HOLD_TTL_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(86_400).default(600)),
  API_WORKERS: z.preprocess(
    emptyAsUndefined,
    z.union([z.literal('auto'), z.coerce.number().int().min(1).max(64)]).default(1),
  ),
  METRICS_TOKEN: optionalString,
  METRICS_PORT: z.preprocess(emptyAsUndefined, port.optional()),
  METRICS_HOST: z.preprocess(emptyAsUndefined, z.string().default('127.0.0.1')),
  SHUTDOWN_TIMEOUT_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().min(1).max(600).default(10)),
  SHUTDOWN_DELAY_SECONDS: z.preprocess(emptyAsUndefined, z.coerce.number().min(0).max(120).default(0)),
  LOG_LEVEL: z.preprocess(emptyAsUndefined, z.enum(['debug', 'info', 'warn', 'error', 'silent']).default('info')),
  // Per browser session (or client address without one) and minute; 0 switches a limit off. Writes
  // also per admission pass.
  RATE_LIMIT_WRITES_PER_MINUTE: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(0).max(1_000_000).default(RATE_LIMIT_DEFAULTS.writesPerMinute),
  ),
  RATE_LIMIT_READS_PER_MINUTE: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(0).max(1_000_000).default(RATE_LIMIT_DEFAULTS.readsPerMinute),
  ),
  // Writes per browser session (or client address without one) within 10 seconds; 0 switches it off.
  RATE_LIMIT_WRITE_BURST: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(0).max(1_000_000).default(RATE_LIMIT_DEFAULTS.writeBurst),
  ),
  // Ceilings per client address, sized for a carrier's NAT; 0 switches them off.
  RATE_LIMIT_ADDRESS_WRITES_PER_MINUTE: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(0).max(10_000_000).default(RATE_LIMIT_DEFAULTS.addressWritesPerMinute),
  ),
  RATE_LIMIT_ADDRESS_READS_PER_MINUTE: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(0).max(10_000_000).default(RATE_LIMIT_DEFAULTS.addressReadsPerMinute),
  ),
  RATE_LIMIT_NEW_SESSIONS_PER_MINUTE: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(0).max(1_000_000).default(RATE_LIMIT_DEFAULTS.newSessionsPerMinute),
  ),
  // What a new browser session's first hold or join costs (see http/proof-of-work.ts); 0 attempts is off.
  PROOF_OF_WORK_ATTEMPTS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(0).max(10_000_000).default(PROOF_OF_WORK_DEFAULTS.attempts),
  ),
  PROOF_OF_WORK_COST: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(1).max(1_000_000).default(PROOF_OF_WORK_DEFAULTS.cost),
  ),
  // Proxies (load balancers) in front of the API whose X-Forwarded-For entry names the client.
  TRUST_PROXY_HOPS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(10).default(0)),
  WAITING_ROOM_TICK_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(50).max(10_000).default(1000)),
  ...paymentEnv,
  ...emailEnv,
});

export type Env = z.infer<typeof envSchema>;

export type DatabaseTarget = { kind: 'external'; url: string } | { kind: 'embedded'; dataDir: string };

export interface Config {
  env: Env['NODE_ENV'];
  port: number;
  host: string;
  corsOrigin: string | undefined;
  dataDir: string;
  /** Where the built web app is; served from the same origin as the API when present. */
  webAppDir: string;
  database: DatabaseTarget;
  /** A replica for reads that may lag, and how far behind it may be before the primary serves them. */
  readDatabaseUrl: string | undefined;
  readMaxLagMs: number;
  poolSize: number;
  lockTimeoutMs: number;
  connectTimeoutMs: number;
  maxWaiting: number;
  /** How often the seat feed reads the change log. */
  seatFeedPollMs: number;
  seatEvents: { maxSubscribers: number; batchMs: number; heartbeatMs: number };
  /** Bearer tokens for the organizer's and the door's routes. */
  tokens: { admin: string | undefined; staff: string | undefined };
  /** How long a seat hold lasts. */
  holdTtlSeconds: number;
  /** Active seats one buyer (by email) may own per concert. */
  maxTicketsPerBuyer: number;
  /** The time zone of a concert created without one. */
  venueTimeZone: string;
  /** The currency of a concert created without one. */
  currency: string;
  /** Cancelling a booking closes this many hours before its concert starts. */
  cancelClosesHours: number;
  /** HTTP worker processes sharing the port; `auto` is one per CPU. */
  workers: number;
  /** `/metrics` on the API's port, to a bearer of METRICS_TOKEN; otherwise not served there. */
  metricsToken: string | undefined;
  /** A port of its own that serves only `/metrics` (bind it where only the monitoring can reach it). */
  metricsPort: number | undefined;
  /** The interface METRICS_PORT listens on: 127.0.0.1 unless the monitoring runs elsewhere. */
  metricsHost: string;
  /** After SIGTERM, the longest the process waits for requests in flight before it exits regardless. */
  shutdownTimeoutMs: number;
  /** After SIGTERM, how long readiness answers 503 while requests are still accepted, for a load balancer to notice. */
  shutdownDelayMs: number;
  logLevel: Env['LOG_LEVEL'];
  /** Requests per window and client: per session or address, per pass, and per address's ceiling; 0 is off. */
  rateLimits: RateLimitSettings;
  /** What a new browser session's first hold or join costs. */
  proofOfWork: ProofOfWorkSettings;
  /** How many proxies' X-Forwarded-For entries to trust for the client's address. */
  trustProxyHops: number;
  /** How often each instance admits the next visitors of the waiting rooms. */
  waitingRoomTickMs: number;
  /** Ways to pay online, their keys and hosts, test or live. */
  payments: PaymentSettings;
  emails: EmailSettings;
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'ConfigError';
  }
}

function databaseTarget(env: Env, dataDir: string): DatabaseTarget {
  if (env.DATABASE_URL) return { kind: 'external', url: env.DATABASE_URL };
  if (env.DB_HOST) {
    const url = new URL('postgresql://localhost');
    url.hostname = env.DB_HOST;
    url.port = String(env.DB_PORT ?? 5432);
    url.username = env.DB_USER ?? 'postgres';
    url.password = env.DB_PASSWORD ?? '';
    url.pathname = `/${env.DB_NAME ?? 'hamro_concert'}`;
    return { kind: 'external', url: url.toString() };
  }
  return { kind: 'embedded', dataDir: path.join(dataDir, 'postgres') };
}

/** The variables of the repository's `.env` file, if there is one; the real environment wins over it. */
function withDotEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const file = path.join(repoRoot, '.env');
  if (!existsSync(file)) return env;
  return { ...parseEnv(readFileSync(file, 'utf8')), ...env };
}

/**
 * Parses the environment (and `.env` at the repository root) once; throws a ConfigError naming
 * every bad variable.
 */
export function loadConfig(source: NodeJS.ProcessEnv = withDotEnv(process.env)): Config {
  const parsed = envSchema.safeParse(source);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`));
  }
  const env = parsed.data;
  const problems: string[] = [];
  const partialDb = [env.DB_PORT, env.DB_USER, env.DB_PASSWORD, env.DB_NAME].some((v) => v !== undefined);
  for (const name of ['ADMIN_TOKEN', 'STAFF_TOKEN', 'METRICS_TOKEN'] as const) {
    const token = env[name];
    if (token !== undefined && !/^\S{16,}$/.test(token))
      problems.push(`${name}: must be at least 16 characters, no spaces`);
  }
  if (!env.DATABASE_URL && !env.DB_HOST && partialDb) {
    problems.push('DB_HOST: required when any of DB_PORT, DB_USER, DB_PASSWORD or DB_NAME is set');
  }
  if (env.METRICS_PORT !== undefined && env.METRICS_PORT === env.PORT)
    problems.push('METRICS_PORT: must differ from PORT (use METRICS_TOKEN to serve /metrics on the API port)');
  const payments = paymentSettings(env, env.PORT);
  problems.push(...payments.problems);
  if (problems.length > 0) throw new ConfigError(problems);

  const dataDir = path.resolve(repoRoot, env.DATA_DIR ?? '.data');
  return {
    env: env.NODE_ENV,
    port: env.PORT,
    host: env.HOST,
    corsOrigin: env.CORS_ORIGIN,
    dataDir,
    webAppDir: path.join(repoRoot, 'hamro-concert.frontend', 'dist'),
    database: databaseTarget(env, dataDir),
    readDatabaseUrl: env.DATABASE_READ_URL,
    readMaxLagMs: env.DATABASE_READ_MAX_LAG_MS,
    poolSize: env.DB_POOL_SIZE,
    lockTimeoutMs: env.DB_LOCK_TIMEOUT_MS,
    connectTimeoutMs: env.DB_CONNECT_TIMEOUT_MS,
    maxWaiting: env.DB_MAX_WAITING,
    seatFeedPollMs: env.SEAT_FEED_POLL_MS,
    seatEvents: {
      maxSubscribers: env.SEAT_EVENTS_MAX_SUBSCRIBERS,
      batchMs: env.SEAT_EVENTS_BATCH_MS,
      heartbeatMs: env.SEAT_EVENTS_HEARTBEAT_SECONDS * 1000,
    },
    tokens: { admin: env.ADMIN_TOKEN, staff: env.STAFF_TOKEN },
    holdTtlSeconds: env.HOLD_TTL_SECONDS,
    maxTicketsPerBuyer: env.MAX_TICKETS_PER_BUYER,
    venueTimeZone: env.VENUE_TIME_ZONE,
    currency: env.CURRENCY,
    cancelClosesHours: env.CANCEL_CLOSES_HOURS_BEFORE,
    workers: env.API_WORKERS === 'auto' ? availableParallelism() : env.API_WORKERS,
    metricsToken: env.METRICS_TOKEN,
    metricsPort: env.METRICS_PORT,
    metricsHost: env.METRICS_HOST,
    shutdownTimeoutMs: env.SHUTDOWN_TIMEOUT_SECONDS * 1000,
    shutdownDelayMs: env.SHUTDOWN_DELAY_SECONDS * 1000,
    logLevel: env.LOG_LEVEL,
    rateLimits: {
      writesPerMinute: env.RATE_LIMIT_WRITES_PER_MINUTE,
      readsPerMinute: env.RATE_LIMIT_READS_PER_MINUTE,
      writeBurst: env.RATE_LIMIT_WRITE_BURST,
      addressWritesPerMinute: env.RATE_LIMIT_ADDRESS_WRITES_PER_MINUTE,
      addressReadsPerMinute: env.RATE_LIMIT_ADDRESS_READS_PER_MINUTE,
      newSessionsPerMinute: env.RATE_LIMIT_NEW_SESSIONS_PER_MINUTE,
    },
    proofOfWork: { attempts: env.PROOF_OF_WORK_ATTEMPTS, cost: env.PROOF_OF_WORK_COST },
    trustProxyHops: env.TRUST_PROXY_HOPS,
    waitingRoomTickMs: env.WAITING_ROOM_TICK_MS,
    payments: payments.settings,
    emails: emailSettings(env, dataDir),
  };
}
