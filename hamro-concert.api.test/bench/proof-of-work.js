#!/usr/bin/env node
// npm run bench (part 6): what a place in a waiting room costs. With the product's proof of work
// (PROOF_OF_WORK_* at their defaults), a script buys places as fast as it can: each is a new
// session, its challenge solved natively with Node's PBKDF2, then a join. Then Chromium opens the
// concert page as a buyer does, in fresh browser sessions: the web app solves the challenge in Web
// Workers with the browser's own PBKDF2 (WebCrypto) before it joins. Medians of BENCH_POW_RUNS (10)
// places each. A mid-range phone is taken as a quarter of one of this machine's cores (the phone
// profile's 4x) with two of its cores at work, so its time is estimated from the browser's here.
// On 127.0.0.1 only, bounded in count.
import fs from 'node:fs';
import os from 'node:os';
import { solveChallenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { startApi, tempDataDir } from '../lib/servers.js';
import { createConcert } from '../lib/stadium.js';
import { median } from '../lib/stats.js';
import { launchChromium } from '../lib/chromium.js';

const RUNS = Number(process.env.BENCH_POW_RUNS ?? 10);
const ADMIN_TOKEN = `bench-admin-${Date.now()}-token`;

const ms = (value) => `${Math.round(value)} ms`;

/** One place bought by a script: a new session, its challenge solved natively, the join. */
async function scriptPlace(baseUrl, concertId) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const owed = await fetch(`${baseUrl}/concerts/${concertId}/challenge`);
  const cookie = owed.headers
    .getSetCookie()
    .map((set) => set.split(';')[0])
    .join('; ');
  const { challenge } = await owed.json();
  const solution = await solveChallenge({ challenge, deriveKey });
  const payload = { challenge, solution: { counter: solution.counter, derivedKey: solution.derivedKey } };
  const joined = await fetch(`${baseUrl}/concerts/${concertId}/waiting-room/join`, {
    method: 'POST',
    headers: { cookie, 'proof-of-work': Buffer.from(JSON.stringify(payload)).toString('base64') },
  });
  if (joined.status !== 201) throw new Error(`the script's join answered ${joined.status}`);
  const used = process.cpuUsage(cpu);
  return { wall: performance.now() - started, cpu: (used.user + used.system) / 1000 };
}

/** One place taken by a buyer in Chromium: how long the web app's solving took (challenge answered to join sent). */
async function browserPlace(browser, baseUrl, concertId) {
  const context = await browser.newContext();
  const page = await context.newPage();
  let challengeAt = 0;
  let joinAt = 0;
  page.on('response', (response) => {
    if (response.url().endsWith('/challenge')) challengeAt = performance.now();
  });
  page.on('request', (request) => {
    if (request.url().endsWith('/waiting-room/join') && request.method() === 'POST') joinAt = performance.now();
  });
  const joined = page.waitForResponse((response) => response.url().endsWith('/waiting-room/join'), {
    timeout: 60_000,
  });
  await page.goto(`${baseUrl}/concert/${concertId}`);
  const response = await joined;
  if (response.status() !== 201) throw new Error(`the browser's join answered ${response.status()}`);
  await context.close();
  return joinAt - challengeAt;
}

const dataDir = tempDataDir('hamro-pow-');
const api = await startApi({
  name: 'proof-of-work API',
  env: { DATA_DIR: dataDir, ADMIN_TOKEN, PROOF_OF_WORK_ATTEMPTS: '', PROOF_OF_WORK_COST: '' },
});
const browser = await launchChromium();
try {
  const concert = await createConcert(
    api.baseUrl,
    {
      title: `Proof of Work ${Date.now().toString(36)}`,
      artist: 'The Patient Crowd',
      date: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
      time: '18:00:00',
      venue: 'Tundikhel',
      city: 'Kathmandu',
      salesOpenAt: new Date(Date.now() + 3_600_000).toISOString(),
      tiers: [{ name: 'General Admission', section: 'ga', price: '1500.00', rows: [{ row: 1, seats: 100 }] }],
    },
    ADMIN_TOKEN,
  );
  const room = await fetch(`${api.baseUrl}/admin/concerts/${concert.id}/waiting-room`, {
    method: 'PUT',
    headers: { authorization: `Bearer ${ADMIN_TOKEN}`, 'content-type': 'application/json' },
    body: JSON.stringify({ enabled: true, admitPerMinute: 60, maxShopping: 100, joinMinutesBefore: 120 }),
  });
  if (room.status !== 200) throw new Error(`the waiting room answered ${room.status}`);

  await scriptPlace(api.baseUrl, concert.id); // warm-up
  const script = [];
  for (let i = 0; i < RUNS; i++) script.push(await scriptPlace(api.baseUrl, concert.id));
  await browserPlace(browser, api.baseUrl, concert.id); // warm-up
  const solving = [];
  for (let i = 0; i < RUNS; i++) solving.push(await browserPlace(browser, api.baseUrl, concert.id));

  const cores = os.availableParallelism();
  const scriptCpu = median(script.map((place) => place.cpu));
  const browserSolve = median(solving);
  console.log(`Proof of work per waiting-room place, medians of ${RUNS} (PROOF_OF_WORK_* at their defaults)`);
  console.log();
  console.log('| who | figure |');
  console.log('|---|---|');
  console.log(
    `| a script, natively (one core) | ${ms(median(script.map((place) => place.wall)))} a place, ` +
      `${ms(scriptCpu)} of CPU: at most ${Math.round((cores * 1000) / scriptCpu)} places a second on all ${cores} cores |`,
  );
  console.log(
    `| Chromium here, the web app's workers (${Math.min(4, cores)}) | ${ms(browserSolve)} from the challenge to the join ` +
      `(fastest ${ms(Math.min(...solving))}, slowest ${ms(Math.max(...solving))}) |`,
  );
  console.log(
    `| a mid-range phone, estimated (a quarter of a core here, two cores at work) | about ${ms((browserSolve * Math.min(4, cores) * 4) / 2)} |`,
  );
} finally {
  await browser.close();
  await api.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
