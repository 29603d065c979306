/**
 * What the fake gateways share: reading a capped request body, answering JSON, HTML pages and
 * redirects. Node's own modules only.
 */

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
