#!/usr/bin/env node
// One client address sending POST /holds at a fixed rate, in a process of its own so that its work
// does not delay the measured buyers' own event loop. SIGUSR1 pauses it and SIGUSR2 resumes it (it
// starts paused); on SIGTERM (or after 10 minutes at most) it prints the answers it got as JSON:
// `{sent, seconds, counts: {status: n}}`, `seconds` being the time it was sending.
// Usage: hammer-client.js <baseUrl> <concertId> <seatId> <perSecond>
import http from 'node:http';

const [baseUrl, concertId, seatId, perSecond] = process.argv.slice(2);
const rate = Number(perSecond);
const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
const counts = {};
const body = JSON.stringify({ concertId, seatIds: [Number(seatId)] });
let sent = 0;
let sentBefore = 0;
let resumedAt = 0;
let sendingMs = 0;
let paused = true;

function send() {
  const req = http.request(`${baseUrl}/holds`, {
    method: 'POST',
    agent,
    headers: { 'content-type': 'application/json', 'x-forwarded-for': '203.0.113.7' },
  });
  req.on('response', (res) => {
    counts[res.statusCode] = (counts[res.statusCode] ?? 0) + 1;
    res.resume();
  });
  req.on('error', () => (counts.error = (counts.error ?? 0) + 1));
  req.end(body);
}

const timer = setInterval(() => {
  if (paused) return;
  const due = sentBefore + Math.floor(((performance.now() - resumedAt) / 1000) * rate) - sent;
  for (let i = 0; i < due; i++) {
    sent += 1;
    send();
  }
}, 10);

process.on('SIGUSR2', () => {
  if (!paused) return;
  paused = false;
  resumedAt = performance.now();
  sentBefore = sent;
});
process.on('SIGUSR1', () => {
  if (paused) return;
  paused = true;
  sendingMs += performance.now() - resumedAt;
});

function finish() {
  clearInterval(timer);
  if (!paused) sendingMs += performance.now() - resumedAt;
  // Answers still on their way get a moment to arrive.
  setTimeout(() => {
    process.stdout.write(`${JSON.stringify({ sent, seconds: sendingMs / 1000, counts })}\n`);
    agent.destroy();
    process.exit(0);
  }, 300);
}
process.on('SIGTERM', finish);
setTimeout(finish, 600_000).unref();
