import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedDatabaseBusyError, startEmbeddedDatabase } from '../src/db/embedded.js';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'hamro-embedded-test-'));
fs.chmodSync(root, 0o755);
afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

async function query<T extends pg.QueryResultRow>(url: string, text: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(text)).rows;
  } finally {
    await client.end();
  }
}

describe('the embedded database', () => {
  it('when it is stopped and started again, then the data is still there', async () => {
    const dataDir = path.join(root, 'persist');
    const first = await startEmbeddedDatabase({ dataDir });
    expect(first.url).toMatch(/^postgresql:\/\/postgres:.+@127\.0\.0\.1:\d+\/hamro_concert(\?host=.+)?$/);
    await query(first.url, "create table kept (v text); insert into kept values ('still here')");
    await first.stop();

    const second = await startEmbeddedDatabase({ dataDir });
    try {
      expect(await query<{ v: string }>(second.url, 'select v from kept')).toEqual([{ v: 'still here' }]);
    } finally {
      await second.stop();
    }
  });

  it('when another process already runs it on the same folder, then a second start refuses clearly', async () => {
    const dataDir = path.join(root, 'busy');
    const running = await startEmbeddedDatabase({ dataDir });
    try {
      const second = startEmbeddedDatabase({ dataDir });
      await expect(second).rejects.toBeInstanceOf(EmbeddedDatabaseBusyError);
      await expect(second).rejects.toThrow(/already running/);
      // the first server is unharmed
      expect(await query<{ one: number }>(running.url, 'select 1 as one')).toEqual([{ one: 1 }]);
    } finally {
      await running.stop();
    }
  });
});
