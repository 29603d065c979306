// A small on-sale behind a waiting room, on a real API process: the benchmark's verdicts at test size.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, describe, it } from 'node:test';
import { startApi, tempDataDir } from '../lib/servers.js';
import { judgeOnSale, waitingRoomOnSale } from '../lib/waiting-room.js';

describe('an on-sale behind a waiting room', () => {
  const dataDir = tempDataDir('hamro-room-test-');
  const adminToken = `room-test-admin-${Date.now()}`;
  let api;

  after(async () => {
    await api?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('when 300 visitors wait for the opening and 30 come after, then each is admitted once, drawn then in arrival order, at the set rate, and no one books without a pass', async () => {
    api = await startApi({ name: 'room', env: { DATA_DIR: dataDir, ADMIN_TOKEN: adminToken } });
    const settings = { early: 300, late: 30, admitPerMinute: 1200, maxShopping: 200, joinSeconds: 3, lateSeconds: 2 };
    const run = await waitingRoomOnSale({
      ...settings,
      maxSeconds: 90,
      baseUrl: api.baseUrl,
      databaseUrl: api.embeddedUrl(),
      adminToken,
    });
    const { problems, figures } = judgeOnSale(run, settings);
    assert.deepEqual(problems, []);
    assert.equal(figures.bookings, 330);
    assert.ok(figures.unpassedRefused > 0, 'the client without a pass never tried');
  });
});
