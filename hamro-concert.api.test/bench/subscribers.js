#!/usr/bin/env node
// Live-stream subscribers for live.js, in a process of their own: in an on-sale they are thousands of
// browsers elsewhere, so their reading must not slow the load generator's event loop. Opens COUNT
// streams of one concert; every SAMPLE_EVERY-th records when it first heard of each booked seat (in
// milliseconds since the epoch, comparable across processes). Prints `open` once every stream is
// open; on `stop` from stdin it closes them, writes what it heard to OUT_FILE as JSON
// ([[seatId, [heardAt, ...]], ...]) and exits.
// Usage: node bench/subscribers.js URL COUNT SAMPLE_EVERY OUT_FILE
import fs from 'node:fs';
import http from 'node:http';

const [url, countText, sampleText, outFile] = process.argv.slice(2);
const count = Number(countText);
const sampleEvery = Number(sampleText);
const now = () => performance.timeOrigin + performance.now();
const heardAt = new Map();
const agent = new http.Agent({ keepAlive: false, maxSockets: Infinity });
const requests = [];

function listen(res) {
  res.setEncoding('utf8');
  let buffer = '';
  res.on('data', (chunk) => {
    buffer += chunk;
    for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      if (!block.includes('event: seats')) continue;
      const at = now();
      const data = JSON.parse(block.slice(block.indexOf('data: ') + 6));
      for (const change of data.changes) {
        if (change.status !== 'booked') continue;
        const times = heardAt.get(change.id) ?? [];
        times.push(at);
        heardAt.set(change.id, times);
      }
    }
  });
}

await Promise.all(
  Array.from(
    { length: count },
    (_, i) =>
      new Promise((resolve, reject) => {
        const req = http.get(url, { agent }, (res) => {
          if (res.statusCode !== 200) return reject(new Error(`stream ${i} answered ${res.statusCode}`));
          resolve();
          if (i % sampleEvery === 0) listen(res);
          else res.resume();
        });
        req.on('error', reject);
        requests.push(req);
      }),
  ),
);
console.log('open');

process.stdin.setEncoding('utf8');
process.stdin.on('data', (text) => {
  if (!text.includes('stop')) return;
  for (const req of requests) req.destroy();
  fs.writeFileSync(outFile, JSON.stringify([...heardAt]));
  process.exit(0);
});
