#!/usr/bin/env node
// npm run bench (part 4): an on-sale behind a waiting room. BENCH_ROOM_EARLY visitors (default 5,000)
// join over BENCH_ROOM_JOIN_SECONDS (default 15: the 15 minutes before the opening, compressed), then
// BENCH_ROOM_LATE (default 500) arrive after it; the room admits BENCH_ROOM_PER_MINUTE (default 3,000)
// a minute. Each admitted visitor holds one seat with its pass and books it; a client without a pass
// keeps trying. On 127.0.0.1 only, bounded by BENCH_ROOM_SECONDS (default 300).
import fs from 'node:fs';
import { startApi, tempDataDir } from '../lib/servers.js';
import { judgeOnSale, waitingRoomOnSale } from '../lib/waiting-room.js';

const settings = {
  early: Number(process.env.BENCH_ROOM_EARLY ?? 5000),
  late: Number(process.env.BENCH_ROOM_LATE ?? 500),
  admitPerMinute: Number(process.env.BENCH_ROOM_PER_MINUTE ?? 3000),
  maxShopping: Number(process.env.BENCH_ROOM_MAX_SHOPPING ?? 1000),
  joinSeconds: Number(process.env.BENCH_ROOM_JOIN_SECONDS ?? 15),
  lateSeconds: 10,
  maxSeconds: Number(process.env.BENCH_ROOM_SECONDS ?? 300),
};
const ADMIN_TOKEN = `bench-admin-${Date.now()}-token`;

const dataDir = tempDataDir('hamro-room-');
const api = await startApi({ name: 'waiting room API', env: { DATA_DIR: dataDir, ADMIN_TOKEN } });
try {
  console.log(
    `Waiting room on-sale: ${settings.early} visitors before the opening (over ${settings.joinSeconds} s), ` +
      `${settings.late} after; admitting ${settings.admitPerMinute}/min, at most ${settings.maxShopping} shopping`,
  );
  const run = await waitingRoomOnSale({
    ...settings,
    baseUrl: api.baseUrl,
    databaseUrl: api.embeddedUrl(),
    adminToken: ADMIN_TOKEN,
  });
  const { problems, figures } = judgeOnSale(run, settings);
  console.log();
  console.log('| figure | value |');
  console.log('|---|---|');
  console.log(`| admitted | ${figures.admitted} of ${figures.visitors}, each once |`);
  console.log(
    `| admitted per minute | ${Math.round(figures.admittedPerMinute)} (set: ${settings.admitPerMinute}; off by ${(figures.rateError * 100).toFixed(1)}%) over ${figures.admissionSeconds.toFixed(1)} s |`,
  );
  console.log(`| bookings | ${figures.bookings}, ${Math.round(figures.bookingsPerMinute)} per minute |`);
  console.log(`| status polls | ${figures.polls} |`);
  console.log(
    `| holds and bookings without a pass | ${figures.unpassedRefused} refused, ${run.unpassedSucceeded} succeeded |`,
  );
  console.log(`| answers | ${JSON.stringify(figures.outcomes)} |`);
  console.log();
  console.log(
    problems.length === 0
      ? 'Verdict: OK (everyone admitted once, drawn then first come first served, at the set rate; no pass, no seat)'
      : `Verdict: FAILED\n- ${problems.join('\n- ')}`,
  );
  if (problems.length > 0) process.exitCode = 1;
} finally {
  await api.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
