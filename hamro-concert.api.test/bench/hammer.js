#!/usr/bin/env node
// npm run bench (part 5): the API's own rate limits against a hammering client, one API instance on
// the embedded database. 50 buyers book one seat at a time, each booking from an address of its own
// (behind one trusted proxy hop, as behind a load balancer), together BENCH_HAMMER_BUYER_RATE bookings
// a second (default 100: each buyer books twice a second, a busy on-sale but not the most these two
// cores can take with the hammering client's own process on them too, where any extra request
// queues). One client address sends POST /holds at 200 a second during every other stretch of
// BENCH_HAMMER_STRETCH bookings (default 500), for BENCH_ROUNDS pairs of stretches (default 10); how
// the pairs are run and judged is in lib/hammering.js. bench/edge.js measures the same with HAProxy's
// limits at the edge in front of the cluster. On 127.0.0.1 only, bounded.
import fs from 'node:fs';
import { HAMMERED_API_SETTINGS, measureHammering } from '../lib/hammering.js';
import { startApi, tempDataDir } from '../lib/servers.js';

const ADMIN_TOKEN = `bench-admin-${Date.now()}-token`;

const dataDir = tempDataDir('hamro-hammer-');
const api = await startApi({
  name: 'hammer API',
  env: {
    DATA_DIR: dataDir,
    ADMIN_TOKEN,
    TRUST_PROXY_HOPS: '1',
    ...HAMMERED_API_SETTINGS,
  },
});
try {
  console.log('Rate limits in the API:');
  const met = await measureHammering({ baseUrl: api.baseUrl, adminToken: ADMIN_TOKEN, via: 'forwarded' });
  if (!met) process.exitCode = 1;
} finally {
  await api.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
