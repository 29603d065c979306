import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConcert, seatsOf } from './factories.js';
import { type TestApp, request, startTestApp } from './harness.js';

const ADMIN = 'rate-limits-admin-token';
const limits = { writesPerMinute: 5, readsPerMinute: 20 };

let one: TestApp;
let two: TestApp;
beforeAll(async () => {
  // Two instances over one database, behind one proxy hop, as behind a load balancer.
  one = await startTestApp({ rateLimits: limits, trustProxyHops: 1, tokens: { admin: ADMIN } });
  two = await startTestApp({ rateLimits: limits, trustProxyHops: 1, tokens: { admin: ADMIN } });
});
afterAll(async () => {
  await one.close();
  await two.close();
});

/** A client address of this test's own: the counts live in the shared database across tests. */
const address = () => `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
const from = (ip: string, extra: Record<string, string> = {}) => ({ 'x-forwarded-for': ip, ...extra });

describe('rate limits per client address', () => {
  it('when one address sends more writes than the limit, then the rest get 429 rate-limited with Retry-After and RateLimit headers, shared by every instance', async () => {
    const concert = await buildConcert(one);
    const seats = await seatsOf(one, concert.id);
    const ip = address();
    const answers = [];
    for (let i = 0; i < 7; i++) {
      const app = i % 2 === 0 ? one : two;
      answers.push(await request(app, 'POST', '/holds', { concertId: concert.id, seatIds: [seats[i]!.id] }, from(ip)));
    }
    expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 201, 201, 429, 429]);
    const refused = answers[5]!;
    expect(refused.body).toMatchObject({ status: 429, code: 'rate-limited' });
    expect(refused.headers.get('content-type')).toContain('application/problem+json');
    const retryAfter = Number(refused.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(refused.headers.get('ratelimit-policy')).toContain('q=5');
    expect(refused.headers.get('ratelimit')).toMatch(/r=0/);
    // An instance that already knows the client is over its limit answers alike, before anything else.
    const known = await request(two, 'POST', '/holds', { concertId: concert.id, seatIds: [seats[7]!.id] }, from(ip));
    expect(known.body).toMatchObject({ status: 429, code: 'rate-limited' });
    expect(Number(known.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(known.headers.get('ratelimit-policy')).toContain('q=5');
    expect(await two.metrics.text()).toMatch(/hamro_rate_limited_early_total\{limit="writes"\} [1-9]/);

    // Another address is not affected, nor is the organizer's own token.
    const other = await request(
      one,
      'POST',
      '/holds',
      { concertId: concert.id, seatIds: [seats[8]!.id] },
      from(address()),
    );
    expect(other.status).toBe(201);
    const organizer = await request(
      one,
      'PUT',
      `/concerts/${concert.id}`,
      { city: 'Pokhara' },
      from(ip, { authorization: `Bearer ${ADMIN}` }),
    );
    expect(organizer.status).toBe(200);
  });

  it('when one address sends a burst of writes, then those past the 10-second limit get 429 before the minute is used up', async () => {
    const bursty = await startTestApp({
      rateLimits: { writesPerMinute: 100, readsPerMinute: 0, writeBurst: 3 },
      trustProxyHops: 1,
    });
    try {
      const concert = await buildConcert(bursty);
      const seats = await seatsOf(bursty, concert.id);
      const ip = address();
      const answers = [];
      for (let i = 0; i < 5; i++) {
        const hold = { concertId: concert.id, seatIds: [seats[i]!.id] };
        answers.push(await request(bursty, 'POST', '/holds', hold, from(ip)));
      }
      expect(answers.map((a) => a.status)).toEqual([201, 201, 201, 429, 429]);
      expect(answers[3]!.headers.get('ratelimit-policy')).toMatch(/"writes-10s"; q=3; w=10/);
      expect(Number(answers[4]!.headers.get('retry-after'))).toBeLessThanOrEqual(10);
      expect(answers[4]!.body).toMatchObject({ status: 429, code: 'rate-limited' });
      // Reads are not writes: the burst limit leaves them alone.
      expect((await request(bursty, 'GET', `/concerts/${concert.id}`, undefined, from(ip))).status).toBe(200);
    } finally {
      await bursty.close();
    }
  });

  it('when one address reads more than its more generous limit, then reads get 429 too, while health checks never do', async () => {
    const ip = address();
    const statuses = [];
    for (let i = 0; i < 22; i++)
      statuses.push((await request(one, 'GET', '/concerts?limit=1', undefined, from(ip))).status);
    expect(statuses.slice(0, 20).every((status) => status === 200)).toBe(true);
    expect(statuses.slice(20)).toEqual([429, 429]);
    expect((await request(one, 'GET', '/health/live', undefined, from(ip))).status).toBe(200);
  });

  it('when the API trusts no proxy, then a client cannot dodge the limit by inventing X-Forwarded-For addresses', async () => {
    const direct = await startTestApp({ rateLimits: { writesPerMinute: 3, readsPerMinute: 0 } });
    try {
      // Every request here comes from 127.0.0.1, whatever the header claims; other tests of this file use other apps.
      await direct.database.pool.query(`delete from rate_limit_hits where key like 'writes:%127.0.0.1%'`);
      const concert = await buildConcert(direct);
      const seats = await seatsOf(direct, concert.id);
      const statuses = [];
      for (let i = 0; i < 5; i++) {
        const hold = { concertId: concert.id, seatIds: [seats[i]!.id] };
        statuses.push((await request(direct, 'POST', '/holds', hold, from(address()))).status);
      }
      expect(statuses).toEqual([201, 201, 201, 429, 429]);
    } finally {
      await direct.close();
    }
  });

  it('when the web app calls from another origin, then it may read how long to wait', async () => {
    const crossOrigin = await startTestApp({
      rateLimits: { writesPerMinute: 1, readsPerMinute: 0 },
      trustProxyHops: 1,
      corsOrigin: 'http://app.example',
    });
    try {
      const ip = address();
      const headers = from(ip, { origin: 'http://app.example' });
      await request(
        crossOrigin,
        'POST',
        '/holds',
        { concertId: '00000000-0000-4000-8000-000000000000', seatIds: [1] },
        headers,
      );
      const refused = await request(
        crossOrigin,
        'POST',
        '/holds',
        { concertId: '00000000-0000-4000-8000-000000000000', seatIds: [1] },
        headers,
      );
      expect(refused.status).toBe(429);
      expect(refused.headers.get('access-control-allow-origin')).toBe('http://app.example');
      expect(refused.headers.get('access-control-expose-headers')?.split(',')).toContain('Retry-After');
      // With credentials: the web app there sends the browser session's cookie along.
      expect(refused.headers.get('access-control-allow-credentials')).toBe('true');
    } finally {
      await crossOrigin.close();
    }
  });
});
