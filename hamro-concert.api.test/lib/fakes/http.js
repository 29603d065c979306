/**
 * What the fake gateways share: a loopback server, reading a capped request body, answering JSON,
 * HTML pages and redirects, and the outages a test puts them in. Node's own modules only.
 */

import http from 'node:http';

export const BODY_LIMIT = 64 * 1024;

/** The body as text, refused past 64 KB so a runaway client cannot fill the fake's memory. */
export function readBody(req) {
  return new Promise((resolve, reject) => {
    const tooLarge = Object.assign(new Error('Request body too large.'), { status: 413 });
    if (Number(req.headers['content-length'] ?? 0) > BODY_LIMIT) return reject(tooLarge);
    const chunks = [];
    let size = 0;
    req.on('data', (chunk) => {
      size += chunk.length;
      if (size <= BODY_LIMIT) chunks.push(chunk);
    });
    req.on('end', () => (size > BODY_LIMIT ? reject(tooLarge) : resolve(Buffer.concat(chunks).toString('utf8'))));
    req.on('error', reject);
  });
}

export function sendJson(res, status, body) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) });
  res.end(text);
}

export function sendHtml(res, status, html) {
  res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Content-Length': Buffer.byteLength(html) });
  res.end(html);
}

export function redirect(res, location) {
  res.writeHead(302, { Location: location, 'Content-Length': 0 });
  res.end();
}

export function page(title, content) {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(title)}</title>
</head>
<body>
<main>
${content}
</main>
</body>
</html>
`;
}

export function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);
}

/** Closes at once: late answers are dropped and kept-alive or hanging sockets destroyed, so a test never waits. */
export function closeServer(ctx, server) {
  for (const timer of ctx.timers) clearTimeout(timer);
  ctx.timers.clear();
  const closed = new Promise((resolve) => server.close(() => resolve()));
  server.closeAllConnections();
  return closed;
}

/** Starts a fake's server on loopback; resolves with it and its origin once it listens. */
export async function listen(handler, { port, host }) {
  const server = http.createServer(handler);
  // A malformed request from a test must not take the fake down with it.
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, resolve);
  });
  return { server, url: `http://${host}:${server.address().port}` };
}

export function reply(status, body) {
  return { status, body };
}

const OUTAGE_MODES = new Set([null, 'down', 'slow', 'reset']);
const OUTAGE_PAGE =
  '<html><head><title>503 Service Temporarily Unavailable</title></head><body>' +
  '<center><h1>503 Service Temporarily Unavailable</h1></center><hr><center>nginx</center></body></html>';

/** Puts a fake's API into an outage: null (none), 'down' (a 503 page), 'slow' (answers late), 'reset'. */
export function setOutage(ctx, mode) {
  if (!OUTAGE_MODES.has(mode)) throw new Error(`Unknown outage mode ${mode}`);
  ctx.mode = mode;
}

/**
 * Answers an API call through the fake's outage. Slow: the work is done now and only the answer is
 * late (`ctx.fake.delayMs`), as when a gateway times out after acting.
 */
export function answerThroughOutage(ctx, req, res, work) {
  if (ctx.mode === 'down') return sendHtml(res, 503, OUTAGE_PAGE);
  if (ctx.mode === 'reset') return req.socket.destroy();
  const answer = work();
  if (ctx.mode !== 'slow') return sendJson(res, answer.status, answer.body);
  const timer = setTimeout(() => {
    ctx.timers.delete(timer);
    sendJson(res, answer.status, answer.body);
  }, ctx.fake.delayMs);
  ctx.timers.add(timer);
}
