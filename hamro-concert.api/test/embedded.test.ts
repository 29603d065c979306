import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { EmbeddedDatabaseBusyError, EmbeddedDatabaseError, startEmbeddedDatabase } from '../src/db/embedded.js';

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

  it('when its folder cannot be made, then start-up refuses with one sentence that says what to do', async () => {
    const file = path.join(root, 'a-file');
    fs.writeFileSync(file, '');
    const start = startEmbeddedDatabase({ dataDir: path.join(file, 'postgres') });
    await expect(start).rejects.toBeInstanceOf(EmbeddedDatabaseError);
    await expect(start).rejects.toThrow(
      /^The embedded database cannot use .*a-file.*; choose .*DATA_DIR.*DATABASE_URL[^\n]*\.$/,
    );
  });

  it.skipIf(process.getuid?.() !== 0)(
    'as root, when the data folder is private, then the cluster lives where the postgres user owns it and a restart finds it',
    async () => {
      const privateDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hamro-private-'));
      const systemDir = path.join(root, 'system');
      const dataDir = path.join(privateDir, 'postgres');
      try {
        const first = await startEmbeddedDatabase({ dataDir, systemDir });
        try {
          expect(first.dataDir.startsWith(path.join(systemDir, 'clusters') + path.sep)).toBe(true);
          expect(fs.readFileSync(`${dataDir}.location`, 'utf8').trim()).toBe(first.dataDir);
          expect(fs.statSync(first.dataDir).uid).not.toBe(0);
          expect(fs.existsSync(`${dataDir}.password`)).toBe(true);
          expect(fs.existsSync(dataDir)).toBe(false);
          await query(first.url, "create table kept (v text); insert into kept values ('still here')");
        } finally {
          await first.stop();
        }
        const second = await startEmbeddedDatabase({ dataDir, systemDir });
        try {
          expect(second.dataDir).toBe(first.dataDir);
          expect(await query<{ v: string }>(second.url, 'select v from kept')).toEqual([{ v: 'still here' }]);
        } finally {
          await second.stop();
        }
        expect(fs.statSync(privateDir).mode & 0o777).toBe(0o700);
      } finally {
        fs.rmSync(privateDir, { recursive: true, force: true });
      }
    },
  );
});
