import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { connectDatabase } from '../src/db/client.js';
import { startEmbeddedDatabase } from '../src/db/embedded.js';
import { migrateDatabase } from '../src/db/migrate.js';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/** One real PostgreSQL for the whole run, in a temporary folder, migrated as production would be. */
export default async function setup(project: TestProject) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hamro-api-test-'));
  fs.chmodSync(root, 0o755); // the server runs as the postgres user when tests run as root
  const embedded = await startEmbeddedDatabase({ dataDir: path.join(root, 'postgres') });
  const database = connectDatabase(embedded.url, { poolSize: 2 });
  await migrateDatabase(database.db);
  await database.close();
  project.provide('databaseUrl', embedded.url);

  return async () => {
    await embedded.stop();
    fs.rmSync(root, { recursive: true, force: true });
  };
}
