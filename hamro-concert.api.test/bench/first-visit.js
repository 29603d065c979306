#!/usr/bin/env node
// npm run bench (part 8): a buyer's first visit, in a cold Chromium (a new browser each run, no cache),
// the product serving its built web app on 127.0.0.1. Two profiles:
// - desktop (1280×800, the machine's own network and CPU): a 50,000-seat concert's page, until its
//   map is usable (the first block of the stadium overview is on the screen);
// - phone (390×844, slow 4G as Lighthouse sets it: 150 ms round trips, 1.6 Mbit/s down, 750 kbit/s
//   up, and a CPU 4× slower): the home page, until its first paint and until concerts are shown.
// Also the script the home page needs (compressed, as sent) and the requests each page makes before
// it is usable. Medians of BENCH_FIRST_VISIT_RUNS runs (default 5). HAMRO_API_MAIN runs another build
// (its web app is the one next to it), to compare in one sitting.
// Functions passed to page.evaluate and addInitScript run in the page.
/* global document, window, MutationObserver */
import fs from 'node:fs';
import { launchChromium } from '../lib/chromium.js';
import { startApi, tempDataDir } from '../lib/servers.js';
import { createConcert, stadiumConcert } from '../lib/stadium.js';
import { median } from '../lib/stats.js';

const RUNS = Number(process.env.BENCH_FIRST_VISIT_RUNS ?? 5);
const ADMIN_TOKEN = `bench-first-visit-${Date.now()}-token`;
const TARGETS = { mapUsableMs: 1500, firstPaintMs: 1500, concertsShownMs: 2000, homeScriptKb: 100 };
const SLOW_4G = {
  offline: false,
  latency: 150,
  downloadThroughput: (1.6 * 1024 * 1024) / 8,
  uploadThroughput: (750 * 1024) / 8,
};

/** In the page: marks, in its own clock from navigation start, when `selector` first matches (as window[name]). */
function markWhenShown({ selector, name }) {
  const observer = new MutationObserver(() => {
    if (document.querySelector(selector)) {
      window[name] = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

/** Every response the page receives until `done`: its type, URL, bytes as sent (compressed), and when it started. */
function recordResponses(page) {
  const responses = [];
  page.on('requestfinished', async (request) => {
    const sizes = await request.sizes().catch(() => ({ responseBodySize: 0 }));
    responses.push({
      type: request.resourceType(),
      url: request.url(),
      bytes: sizes.responseBodySize,
      startedMs: request.timing().startTime,
    });
  });
  return responses;
}

async function visit(browser, url, { phone, waitFor }) {
  const context = await browser.newContext(
    phone
      ? { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true }
      : { viewport: { width: 1280, height: 800 } },
  );
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  if (phone) {
    await cdp.send('Network.emulateNetworkConditions', SLOW_4G);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  }
  for (const [name, selector] of Object.entries(waitFor)) await page.addInitScript(markWhenShown, { selector, name });
  const responses = recordResponses(page);
  await page.goto(url, { waitUntil: 'commit' });
  const marks = {};
  for (const name of Object.keys(waitFor)) {
    await page.waitForFunction((key) => typeof window[key] === 'number', name, { timeout: 60_000 });
    marks[name] = await page.evaluate((key) => window[key], name);
  }
  marks.firstPaint = await page.evaluate(
    () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN,
  );
  await page.waitForLoadState('networkidle').catch(() => undefined);
  await context.close();
  const scripts = responses.filter((r) => r.type === 'script');
  return {
    ...marks,
    scriptKb: scripts.reduce((sum, r) => sum + r.bytes, 0) / 1024,
    requests: responses.map((r) => new URL(r.url).pathname),
  };
}

const dataDir = tempDataDir('hamro-first-visit-');
const api = await startApi({ name: 'first visit', env: { DATA_DIR: dataDir, ADMIN_TOKEN } });
try {
  const index = await fetch(api.baseUrl);
  if (!(await index.text()).includes('<script')) throw new Error('the API serves no web app: run npm run build first');
  const stadium = await createConcert(api.baseUrl, stadiumConcert(1), ADMIN_TOKEN);
  const desktop = [];
  const phone = [];
  for (let run = 0; run < RUNS; run++) {
    // A new browser each run: nothing cached, no connection kept from the run before.
    const browser = await launchChromium();
    try {
      desktop.push(
        await visit(browser, `${api.baseUrl}/concert/${stadium.id}`, {
          phone: false,
          waitFor: { mapUsable: '[data-block-key]' },
        }),
      );
      phone.push(await visit(browser, `${api.baseUrl}/`, { phone: true, waitFor: { concertsShown: 'main article' } }));
    } finally {
      await browser.close();
    }
  }
  const rows = [
    ['50,000-seat map usable, desktop', desktop.map((r) => r.mapUsable), TARGETS.mapUsableMs, 'ms'],
    ['home page first paint, slow 4G and 4× CPU', phone.map((r) => r.firstPaint), TARGETS.firstPaintMs, 'ms'],
    ['home page concerts shown, slow 4G and 4× CPU', phone.map((r) => r.concertsShown), TARGETS.concertsShownMs, 'ms'],
    ['script the home page loads (compressed)', phone.map((r) => r.scriptKb), TARGETS.homeScriptKb, 'KB'],
  ].map(([label, values, target, unit]) => ({ label, values: values.map(Math.round), target, unit }));
  console.log(`First visit, cold Chromium, medians of ${RUNS} runs:`);
  console.log('| figure | median | runs | target |');
  console.log('|---|---|---|---|');
  for (const { label, values, target, unit } of rows)
    console.log(`| ${label} | ${median(values)} ${unit} | ${values.join(', ')} | ≤ ${target} ${unit} |`);
  console.log(`Requests of the stadium page (desktop, first run): ${desktop[0].requests.join(' ')}`);
  console.log(`Requests of the home page (phone, first run): ${phone[0].requests.join(' ')}`);
  const missed = rows.filter(({ values, target }) => !(median(values) <= target));
  console.log(
    missed.length === 0 ? 'Verdict: OK' : `Verdict: FAILED\n${missed.map((row) => `- ${row.label}`).join('\n')}`,
  );
  if (missed.length > 0) process.exitCode = 1;
} finally {
  await api.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
}
