/** Small HTTP helpers shared by the scripts; every call goes to a running API over real HTTP. */

import http from 'node:http';

export const DEFAULT_BASE_URL = 'http://localhost:3000';

/**
 * One JSON request through a keep-alive `agent` (many parallel buyers share its sockets): the status,
 * the parsed body (undefined if none), and the milliseconds it took. A failure to connect is status 0.
 */
export function requestJson(agent, url, method, body, headers = {}) {
  return new Promise((resolve) => {
    const text = body === undefined ? undefined : JSON.stringify(body);
    const started = performance.now();
    const req = http.request(url, {
      method,
      agent,
      headers: text === undefined ? headers : { 'content-type': 'application/json', ...headers },
    });
    req.setTimeout(30_000, () => req.destroy(new Error('timed out')));
    req.on('response', (res) => {
      let data = '';
      res.setEncoding('utf8');
      res.on('data', (chunk) => (data += chunk));
      res.on('end', () => {
        let parsed;
        try {
          parsed = JSON.parse(data);
        } catch {
          parsed = undefined;
        }
        resolve({ status: res.statusCode, body: parsed, ms: performance.now() - started });
      });
    });
    req.on('error', (error) => resolve({ status: 0, body: { code: error.message }, ms: performance.now() - started }));
    req.end(text);
  });
}

export async function call(baseUrl, method, path, body) {
  const response = await fetch(`${baseUrl}${path}`, {
    method,
    headers: body === undefined ? {} : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  let json;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = text;
  }
  return { status: response.status, body: json };
}

export function book(baseUrl, buyer, seatIds) {
  return call(baseUrl, 'POST', '/ticket-bookings/seats', { ...buyer, seatIds });
}

/** The first upcoming concert with at least `count` free seats, and those seats. */
export async function findFreeSeats(baseUrl, count, { skipConcerts = [] } = {}) {
  for (let page = 1; ; page++) {
    const list = await call(baseUrl, 'GET', `/concerts?page=${page}&limit=50`);
    if (list.status !== 200) throw new Error(`GET /concerts answered ${list.status}`);
    for (const concert of list.body.data) {
      if (skipConcerts.includes(concert.id)) continue;
      const free = await call(baseUrl, 'GET', `/seats/concert/${concert.id}/available`);
      if (free.status === 200 && free.body.length >= count) return { concert, seats: free.body.slice(0, count) };
    }
    if (page >= list.body.totalPages) throw new Error(`no concert has ${count} free seats`);
  }
}

export function uniqueBuyer(name) {
  const tag = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`;
  return { userName: name, userEmail: `${name.toLowerCase().replace(/\W+/g, '.')}.${tag}@example.com` };
}
