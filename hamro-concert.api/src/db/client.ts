import { drizzle, type NodePgDatabase } from 'drizzle-orm/node-postgres';
import pg from 'pg';
import * as schema from './schema.js';

export type Db = NodePgDatabase<typeof schema>;
export type Tx = Parameters<Parameters<Db['transaction']>[0]>[0];
/** What a repository runs its SQL on: the database itself or a transaction a service opened. */
export type Executor = Db | Tx;

export interface Database {
  db: Db;
  pool: pg.Pool;
  /** A connection of its own with the pool's settings, outside the pool (for the seat feed). */
  dedicatedClient(name: string): pg.Client;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  poolSize?: number;
  /** How long a statement may wait for a row lock before it gives up (SQLSTATE 55P03). */
  lockTimeoutMs?: number;
  statementTimeoutMs?: number;
  applicationName?: string;
  /** How long a request waits for a pooled connection before it is told the service is busy. */
  connectTimeoutMs?: number;
  /** Told when an idle pooled connection fails (the server restarted, the network dropped it). */
  onIdleError?: (error: Error) => void;
}

// Postgres `date` and `time` stay as the strings the API shows ("2026-03-15", "19:00:00").
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
// `bigint` as a number: money is bigint cents, and no amount or count here comes near 2^53.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export function connectDatabase(url: string, options: DatabaseOptions = {}): Database {
  const lockTimeout = options.lockTimeoutMs ?? 3000;
  const statementTimeout = options.statementTimeoutMs ?? 30_000;
  const applicationName = options.applicationName ?? 'hamro-concert';
  const pool = new pg.Pool({
    connectionString: url,
    max: options.poolSize ?? 20,
    application_name: applicationName,
    // Set on every connection once, so a booking spends no round trip on it.
    // READ COMMITTED explicitly: the booking statement relies on its row-lock re-check semantics.
    // Generic plans: every statement here finds its rows by key, and the hot ones are prepared, so
    // planning them again for each call's values (PostgreSQL's default for a while) is pure cost.
    options: `-c lock_timeout=${lockTimeout} -c statement_timeout=${statementTimeout} -c default_transaction_isolation=read\\ committed -c plan_cache_mode=force_generic_plan`,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 2_000,
  });
  // An idle client that loses its server must not crash the process; the pool replaces it.
  pool.on('error', (error) => options.onIdleError?.(error));
  const db = drizzle(pool, { schema });
  const dedicatedClient = (name: string) =>
    new pg.Client({
      connectionString: url,
      application_name: `${applicationName}-${name}`,
      options: `-c statement_timeout=${statementTimeout}`,
      connectionTimeoutMillis: 5_000,
    });
  return { db, pool, dedicatedClient, close: () => pool.end() };
}
