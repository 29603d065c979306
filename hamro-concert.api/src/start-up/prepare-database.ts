import { drizzle } from 'drizzle-orm/node-postgres';
import type { Clock } from '../lib/clock.js';
import type { Database } from '../db/client.js';
import { migrateDatabase } from '../db/migrate.js';
import * as schema from '../db/schema.js';
import { seedOnFirstStart } from './seed.js';

// Any constant shared by every instance: only one of several starting instances migrates at a time.
const SETUP_LOCK_KEY = 7_341_001;

/** Applies pending migrations and seeds the first start, once, even when instances start together. */
export async function prepareDatabase(database: Database, clock: Clock, options: { seed: boolean }): Promise<number> {
  const client = await database.pool.connect();
  try {
    await client.query('select pg_advisory_lock($1)', [SETUP_LOCK_KEY]);
    const db = drizzle(client, { schema });
    await migrateDatabase(db);
    return options.seed ? await seedOnFirstStart(db, clock) : 0;
  } finally {
    await client.query('select pg_advisory_unlock($1)', [SETUP_LOCK_KEY]).catch(() => {});
    client.release();
  }
}
