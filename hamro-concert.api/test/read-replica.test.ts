import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { ReadReplica } from '../src/db/read-replica.js';
import { connectDatabase, type Database } from '../src/db/client.js';
import { createLogger } from '../src/lib/logger.js';
import { type TestApp, startTestApp } from './harness.js';

let app: TestApp;
let unreachable: Database;
beforeAll(async () => {
  app = await startTestApp();
  unreachable = connectDatabase('postgresql://nobody:none@127.0.0.1:1/none', { connectTimeoutMs: 300 });
});
afterAll(async () => {
  await unreachable.close();
  await app.close();
});

const silent = createLogger('silent');

describe('reads that may lag, and where they go', () => {
  it('when the read URL is not a replica (not in recovery), then reads stay on the primary', async () => {
    const other = connectDatabase(inject('databaseUrl'), { poolSize: 1 });
    try {
      const replica = new ReadReplica(app.database.db, other.db, 1000, silent);
      expect(await replica.check()).toBe(false);
      expect(replica.reads()).toBe(app.database.db);
    } finally {
      await other.close();
    }
  });

  it('when the replica cannot be reached, then reads stay on the primary and nothing throws', async () => {
    const replica = new ReadReplica(app.database.db, unreachable.db, 1000, silent);
    expect(await replica.check()).toBe(false);
    expect(replica.usingReplica).toBe(false);
    expect(new ReadReplica(app.database.db, undefined, 1000, silent).reads()).toBe(app.database.db);
  });
});
