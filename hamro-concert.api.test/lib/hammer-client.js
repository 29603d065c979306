#!/usr/bin/env node
// One client address sending POST /holds at a fixed rate, in a process of its own so that its work
// does not delay the measured buyers' own event loop. It writes its requests as bytes over a few
// keep-alive connections and reads no more of each answer than its status and length: a lean
// client, as a real attacker's would be, so that this shared machine's cores go to the API and
// the buyers rather than to building and parsing the hammering. SIGUSR1 pauses it and SIGUSR2
// resumes it (it starts paused); on SIGTERM (or after 10 minutes at most) it prints the answers it
// got as JSON: `{sent, seconds, counts: {status: n}}`, `seconds` being the time it was sending.
// Usage: hammer-client.js <baseUrl> <concertId> <seatId> <perSecond> [localAddress]
// (localAddress: the loopback address to connect from, for a proxy in front that sees the connection's)
import net from 'node:net';

const [baseUrl, concertId, seatId, perSecond, localAddress] = process.argv.slice(2);
const rate = Number(perSecond);
const { hostname, port } = new URL(baseUrl);
const CONNECTIONS = 4;
const body = JSON.stringify({ concertId, seatIds: [Number(seatId)] });
const request = Buffer.from(
  `POST /holds HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\n` +
    `X-Forwarded-For: 203.0.113.7\r\nContent-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
);
const counts = {};
const count = (key) => (counts[key] = (counts[key] ?? 0) + 1);

/** A keep-alive connection that counts each answer by its status, reading its length from the headers. */
function connection() {
  const socket = net.connect({ port: Number(port), host: hostname, localAddress });
  socket.setNoDelay(true);
  let pending = Buffer.alloc(0);
  let waiting = 0;
  socket.on('data', (chunk) => {
    pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
    for (;;) {
      const headEnd = pending.indexOf('\r\n\r\n');
      if (headEnd < 0) return;
      const head = pending.subarray(0, headEnd).toString('latin1');
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
      if (pending.length < headEnd + 4 + length) return;
      count(head.slice(9, 12));
      waiting -= 1;
      pending = pending.subarray(headEnd + 4 + length);
    }
  });
  socket.on('error', () => count('error'));
  return {
    send() {
      waiting += 1;
      socket.write(request);
    },
    get waiting() {
      return waiting;
    },
    close: () => socket.destroy(),
  };
}

const connections = Array.from({ length: CONNECTIONS }, connection);
let sent = 0;
let sentBefore = 0;
let resumedAt = 0;
let sendingMs = 0;
let paused = true;

const timer = setInterval(() => {
  if (paused) return;
  const due = sentBefore + Math.floor(((performance.now() - resumedAt) / 1000) * rate) - sent;
  for (let i = 0; i < due; i++) {
    // The connection with the fewest answers outstanding: requests queue behind each other there.
    connections.reduce((a, b) => (b.waiting < a.waiting ? b : a)).send();
    sent += 1;
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
    for (const c of connections) c.close();
    process.exit(0);
  }, 300);
}
process.on('SIGTERM', finish);
setTimeout(finish, 600_000).unref();
