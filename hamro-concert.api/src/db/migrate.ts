import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import { migrate } from 'drizzle-orm/node-postgres/migrator';
import type { Db } from './client.js';

/** The committed migrations live in src/db/migrations; the built code reads them from there too. */
export const migrationsFolder = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../src/db/migrations');

export async function migrateDatabase(db: Db): Promise<void> {
  await migrate(db, { migrationsFolder });
}

let newestMigration: number | undefined;

/** When the newest committed migration was made; Drizzle's migrator records that time for each one it applies. */
function newestMigrationMillis(): number {
  if (newestMigration === undefined) {
    const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
      entries: { when: number }[];
    };
    newestMigration = Math.max(0, ...journal.entries.map((entry) => entry.when));
  }
  return newestMigration;
}

/** Whether the database has every migration this code was built with (one round trip: also proves it answers). */
export async function migrationsAreCurrent(db: Db): Promise<boolean> {
  try {
    const { rows } = await db.execute<{ current: boolean }>(
      sql`select coalesce(max(created_at), 0) >= ${newestMigrationMillis()} as current from drizzle.__drizzle_migrations`,
    );
    return rows[0]?.current === true;
  } catch (error) {
    // A database that was never migrated has no table of migrations (42P01, undefined_table).
    if ((error as { cause?: { code?: string } }).cause?.code === '42P01') return false;
    throw error;
  }
}
