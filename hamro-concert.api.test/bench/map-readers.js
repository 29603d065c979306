#!/usr/bin/env node
// Reads one URL with 20 keep-alive clients for a few seconds and prints the figures as JSON. Run by
// live.js in a process of its own, so the readers do not share an event loop with the booking load.
// Each client reads 5 times a second (100 a second in all, far more often than a browser does), and
// takes the body as Node's HTTP parser hands it over, without looking into it: a load generator that
// copies and parses ~140 KB answers itself (autocannon does) measures its own work more than the
// server's (here, 8 ms against 1 ms at the median on a quiet machine).
// With FROM_ADDRESS, the readers say they come from that client address (X-Forwarded-For, for an API
// that trusts one proxy hop): a client other than the one booking.
// Usage: node bench/map-readers.js URL SECONDS [READS_PER_SECOND] [FROM_ADDRESS]
import http from 'node:http';

const CLIENTS = 20;
const [url, seconds = '5', rate = '100', fromAddress] = process.argv.slice(2);
const headers = { 'accept-encoding': 'gzip, deflate, br', ...(fromAddress ? { 'x-forwarded-for': fromAddress } : {}) };
const agent = new http.Agent({ keepAlive: true, maxSockets: CLIENTS });
const pauseMs = (1000 * CLIENTS) / Number(rate);
const endAt = performance.now() + Number(seconds) * 1000;
const latencies = [];
let bytes = 0;
let failed = 0;

function read() {
  return new Promise((resolve) => {
    const req = http.get(url, { agent, headers }, (res) => {
      if (res.statusCode !== 200) failed++;
      res.on('data', (chunk) => (bytes += chunk.length));
      res.on('end', resolve);
    });
    req.on('error', () => {
      failed++;
      resolve();
    });
  });
}

async function client(i) {
  // Spread the clients over one pause, so reads arrive evenly rather than twenty at a time.
  await new Promise((resolve) => setTimeout(resolve, (i * pauseMs) / CLIENTS));
  while (performance.now() < endAt) {
    const started = performance.now();
    await read();
    const took = performance.now() - started;
    latencies.push(took);
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, pauseMs - took)));
  }
}

const started = performance.now();
await Promise.all(Array.from({ length: CLIENTS }, (_, i) => client(i)));
const elapsed = (performance.now() - started) / 1000;
latencies.sort((a, b) => a - b);
const at = (p) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(latencies.length * p))] ?? 0);
console.log(
  JSON.stringify({
    perSecond: latencies.length / elapsed,
    p50: at(0.5),
    p99: at(0.99),
    bytesPerResponse: bytes / Math.max(1, latencies.length),
    failed,
  }),
);
agent.destroy();
