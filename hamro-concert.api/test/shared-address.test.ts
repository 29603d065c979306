import { randomInt } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RATE_LIMIT_DEFAULTS } from '../src/http/rate-limits.js';
import { Browser, proofHeader } from './browser.js';
import { buildConcert, buyer, seatsOf } from './factories.js';
import { type TestApp, post, request, startTestApp } from './harness.js';

const ADMIN = 'shared-address-admin-token';
/** Cheap for the tests' own solving; the cost a browser pays is measured by npm run bench. */
const PROOF = { attempts: 40, cost: 50 };

let app: TestApp;
let open: TestApp;
beforeAll(async () => {
  [app, open] = await Promise.all([
    // The product's default limits, behind one proxy hop, with proof of work on.
    startTestApp({ rateLimits: RATE_LIMIT_DEFAULTS, trustProxyHops: 1, proofOfWork: PROOF, tokens: { admin: ADMIN } }),
    // No limits at all: what the proof of work and the sessions hold back by themselves.
    startTestApp({ trustProxyHops: 1, proofOfWork: PROOF, tokens: { admin: ADMIN } }),
  ]);
});
afterAll(() => Promise.all([app.close(), open.close()]));

/** A client address of this test's own: the counts live in the shared database across tests. */
const address = () => `100.${64 + randomInt(64)}.${randomInt(256)}.${randomInt(1, 255)}`;

const rows = (count: number, seats: number) => Array.from({ length: count }, (_, i) => ({ row: i + 1, seats }));
const hall = (seats: number) => [
  { name: 'General Admission', section: 'ga' as const, price: '15.00', rows: rows(seats / 100, 100) },
];

describe('buyers behind one carrier NAT', () => {
  it('when 200 buyers in sessions of their own behind one address each hold two seats and book them within a minute, then every one succeeds', async () => {
    const concert = await buildConcert(app, { tiers: hall(400) });
    const seats = (await seatsOf(app, concert.id)).map((seat) => seat.id);
    const nat = address();
    const started = Date.now();
    const outcomes: string[] = [];
    async function buyerAt(i: number) {
      const browser = new Browser(app, nat);
      const seatIds = seats.slice(2 * i, 2 * i + 2);
      const page = await browser.request('GET', `/concerts/${concert.id}`);
      const proof = await browser.solve(concert.id);
      const hold = await browser.request(
        'POST',
        '/holds',
        { concertId: concert.id, seatIds },
        { 'proof-of-work': proof! },
      );
      if (hold.status !== 201) return outcomes.push(`hold ${hold.status} ${hold.body?.code}`);
      const booking = await browser.request('POST', '/ticket-bookings/seats', {
        ...buyer(),
        seatIds,
        holdToken: hold.body.holdToken,
      });
      outcomes.push(
        page.status === 200 && booking.status === 201 ? 'booked' : `booking ${booking.status} ${booking.body?.code}`,
      );
    }
    // Arriving in waves of 20, as an on-sale's crowd does.
    for (let wave = 0; wave < 10; wave++)
      await Promise.all(Array.from({ length: 20 }, (_, i) => buyerAt(wave * 20 + i)));
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(outcomes.filter((outcome) => outcome !== 'booked')).toEqual([]);
    const { rows: booked } = await app.database.pool.query<{ n: number }>(
      'select count(*)::int as n from bookings where concert_id = $1',
      [concert.id],
    );
    expect(booked[0]!.n).toBe(200);
  }, 90_000);

  it('when one client hammers holds from one session, then it is refused once past its limit, and the address still serves others', async () => {
    const concert = await buildConcert(app, { tiers: hall(100) });
    const seats = (await seatsOf(app, concert.id)).map((seat) => seat.id);
    const nat = address();
    const hammer = new Browser(app, nat);
    const proof = await hammer.solve(concert.id);
    const statuses: number[] = [];
    for (let i = 0; i < 25; i++) {
      const headers: Record<string, string> = i === 0 ? { 'proof-of-work': proof! } : {};
      statuses.push(
        (await hammer.request('POST', '/holds', { concertId: concert.id, seatIds: [seats[i]!] }, headers)).status,
      );
    }
    expect(statuses[0]).toBe(201);
    // One hold at a time, and past 10 writes in 10 seconds, 429 for the rest.
    expect(statuses.slice(1, 10).every((status) => status === 409)).toBe(true);
    expect(statuses.slice(10).every((status) => status === 429)).toBe(true);
    const refused = await hammer.request('POST', '/holds', { concertId: concert.id, seatIds: [seats[50]!] });
    expect(refused.headers.get('ratelimit-policy')).toMatch(/"session-writes-10s"; q=10; w=10/);

    // Another buyer behind the same address is not held back by the hammering one.
    const neighbour = new Browser(app, nat);
    const ok = await neighbour.request(
      'POST',
      '/holds',
      { concertId: concert.id, seatIds: [seats[60]!] },
      { 'proof-of-work': (await neighbour.solve(concert.id))! },
    );
    expect(ok.status).toBe(201);
  });

  it('when a client drops its cookie on every request, then none of its holds is taken: it owes a proof each time, and past the limit it is refused outright', async () => {
    const concert = await buildConcert(app, { tiers: hall(100) });
    const seats = (await seatsOf(app, concert.id)).map((seat) => seat.id);
    const forgetful = new Browser(app, address(), false);
    // Even with a solution: it was for the session the challenge started, which the client threw away.
    const proof = await forgetful.solve(concert.id);
    const answers = [];
    for (let i = 0; i < 15; i++) {
      answers.push(
        await forgetful.request(
          'POST',
          '/holds',
          { concertId: concert.id, seatIds: [seats[i]!] },
          { 'proof-of-work': proof! },
        ),
      );
    }
    expect(answers.filter((answer) => answer.status === 201)).toEqual([]);
    expect(answers[0]!.body.code).toBe('proof-of-work-required');
    expect(answers.at(-1)!.status).toBe(429);
    const { rows: held } = await app.database.pool.query<{ n: number }>(
      "select count(*)::int as n from holds where concert_id = $1 and status = 'active'",
      [concert.id],
    );
    expect(held[0]!.n).toBe(0);
  });

  it('when one address starts more sessions than its limit in a minute, then the next are refused, while sessions already started go on', async () => {
    const strict = await startTestApp({
      rateLimits: { writesPerMinute: 0, readsPerMinute: 0, newSessionsPerMinute: 5 },
      trustProxyHops: 1,
      proofOfWork: PROOF,
    });
    try {
      const concert = await buildConcert(strict);
      const nat = address();
      const kept = new Browser(strict, nat);
      expect((await kept.request('GET', `/concerts/${concert.id}/challenge`)).status).toBe(200);
      const statuses = [];
      for (let i = 0; i < 6; i++)
        statuses.push((await new Browser(strict, nat).request('GET', `/concerts/${concert.id}/challenge`)).status);
      expect(statuses).toEqual([200, 200, 200, 200, 429, 429]);
      expect((await kept.request('GET', `/concerts/${concert.id}/challenge`)).status).toBe(200);
      // Another address starts its own.
      expect((await new Browser(strict, address()).request('GET', `/concerts/${concert.id}/challenge`)).status).toBe(
        200,
      );
    } finally {
      await strict.close();
    }
  });
});

describe("a session's proof of work", () => {
  it('when a session solves its challenge, then its first hold is taken and later ones need no proof; a solution proves its own session and concert only', async () => {
    const concert = await buildConcert(open);
    const other = await buildConcert(open);
    const seats = (await seatsOf(open, concert.id)).map((seat) => seat.id);
    const first = new Browser(open, address());
    const second = new Browser(open, address());
    const proof = await first.solve(concert.id);

    const hold = (browser: Browser, seatId: number, headers: Record<string, string> = {}, concertId = concert.id) =>
      browser.request('POST', '/holds', { concertId, seatIds: [seatId] }, headers);
    const refusal = await hold(first, seats[0]!);
    expect([refusal.status, refusal.body.code]).toEqual([403, 'proof-of-work-required']);
    expect(refusal.body.challenge).toBe(`/concerts/${concert.id}/challenge`);

    // Another session cannot use it, nor can another concert's hold, nor a solution tampered with.
    await second.request('GET', `/concerts/${concert.id}/challenge`);
    expect((await hold(second, seats[1]!, { 'proof-of-work': proof! })).status).toBe(403);
    const otherSeat = (await seatsOf(open, other.id))[0]!.id;
    expect((await hold(first, otherSeat, { 'proof-of-work': proof! }, other.id)).status).toBe(403);
    const payload = JSON.parse(Buffer.from(proof!, 'base64').toString());
    // A derived key other than the one found: the key is the proof (the counter only says where it was found).
    const key = payload.solution.derivedKey as string;
    const tampered = {
      ...payload,
      solution: { ...payload.solution, derivedKey: `${key.slice(0, -1)}${key.endsWith('0') ? '1' : '0'}` },
    };
    const bad = Buffer.from(JSON.stringify(tampered)).toString('base64');
    expect((await hold(first, seats[2]!, { 'proof-of-work': bad })).status).toBe(403);
    expect((await hold(first, seats[2]!, { 'proof-of-work': 'not base64 at all!' })).status).toBe(403);

    const held = await hold(first, seats[3]!, { 'proof-of-work': proof! });
    expect(held.status).toBe(201);
    expect((await first.request('GET', `/concerts/${concert.id}/challenge`)).body).toEqual({
      required: false,
      challenge: null,
    });
    expect((await first.request('DELETE', `/holds/${held.body.holdToken}`)).status).toBe(204);
    expect((await hold(first, seats[4]!)).status).toBe(201);
  });

  it('when the first hold with a proof is refused for its seats, then a retry with the same Idempotency-Key still runs', async () => {
    const concert = await buildConcert(open);
    const seats = (await seatsOf(open, concert.id)).map((seat) => seat.id);
    const browser = new Browser(open, address());
    const body = { concertId: concert.id, seatIds: [seats[0]!] };
    const first = await browser.request('POST', '/holds', body, { 'idempotency-key': 'proof-then-retry' });
    expect(first.status).toBe(403);
    const proof = await browser.solve(concert.id);
    const retry = await browser.request('POST', '/holds', body, {
      'idempotency-key': 'proof-then-retry',
      'proof-of-work': proof!,
    });
    expect(retry.status).toBe(201);
  });
});

describe("a waiting room's places", () => {
  async function roomOpenFor(target: TestApp) {
    const concert = await buildConcert(target, { salesOpenAt: new Date(Date.now() + 600_000).toISOString() });
    const room = await request(
      target,
      'PUT',
      `/admin/concerts/${concert.id}/waiting-room`,
      { enabled: true, admitPerMinute: 60, maxShopping: 100 },
      { authorization: `Bearer ${ADMIN}` },
    );
    expect(room.status).toBe(200);
    return concert;
  }
  const placesIn = async (target: TestApp, concertId: string) =>
    (
      await target.database.pool.query<{ n: number }>(
        'select count(*)::int as n from waiting_room_entries where concert_id = $1',
        [concertId],
      )
    ).rows[0]!.n;

  it('when a script joins a room 1,000 times, then it holds no more places than the proofs it solved', async () => {
    const concert = await roomOpenFor(open);
    const script = address();
    const solved: Browser[] = [];
    for (let i = 0; i < 3; i++) {
      const browser = new Browser(open, script);
      const proof = await browser.solve(concert.id);
      const joined = await browser.request('POST', `/concerts/${concert.id}/waiting-room/join`, undefined, {
        'proof-of-work': proof!,
      });
      expect(joined.status).toBe(201);
      solved.push(browser);
    }
    const proofs = await Promise.all(solved.map((browser) => browser.solve(concert.id)));
    expect(proofs).toEqual([undefined, undefined, undefined]);
    const statuses = new Map<number, number>();
    const cookieless = new Browser(open, script, false);
    const challenge = (await cookieless.request('GET', `/concerts/${concert.id}/challenge`)).body.challenge;
    const replayable = await proofHeader(challenge);
    for (let i = 0; i < 1000; i += 4) {
      const answers = await Promise.all([
        // Its proven sessions, again and again: their places back.
        solved[i % 3]!.request('POST', `/concerts/${concert.id}/waiting-room/join`),
        // No cookie; no cookie with a solution made for a session it dropped; an invented cookie.
        cookieless.request('POST', `/concerts/${concert.id}/waiting-room/join`),
        cookieless.request('POST', `/concerts/${concert.id}/waiting-room/join`, undefined, {
          'proof-of-work': replayable,
        }),
        new Browser(open, script).request('POST', `/concerts/${concert.id}/waiting-room/join`, undefined, {
          cookie: `hamro_session=${Buffer.from(JSON.stringify({ k: 'session', s: crypto.randomUUID(), p: 1 })).toString('base64url')}.forged`,
        }),
      ]);
      for (const answer of answers) statuses.set(answer.status, (statuses.get(answer.status) ?? 0) + 1);
    }
    expect(await placesIn(open, concert.id)).toBe(3);
    expect(statuses.get(201)).toBeUndefined();
    expect(statuses.get(200)).toBe(250);
    expect(statuses.get(403)).toBe(750);
  }, 60_000);

  it('when one address joins without cookies in a burst under the default limits, then it gets no place at all', async () => {
    const concert = await roomOpenFor(app);
    const script = new Browser(app, address(), false);
    const statuses = [];
    for (let i = 0; i < 20; i++)
      statuses.push((await script.request('POST', `/concerts/${concert.id}/waiting-room/join`)).status);
    expect(await placesIn(app, concert.id)).toBe(0);
    expect(statuses.slice(0, 10).every((status) => status === 403)).toBe(true);
    expect(statuses.slice(10).every((status) => status === 429)).toBe(true);
  });

  it('when a session joins again, with its ticket or without, then it is given the same place', async () => {
    const concert = await roomOpenFor(open);
    const browser = new Browser(open, address());
    const proof = await browser.solve(concert.id);
    const first = await browser.request('POST', `/concerts/${concert.id}/waiting-room/join`, undefined, {
      'proof-of-work': proof!,
    });
    expect(first.status).toBe(201);
    const withTicket = await browser.request('POST', `/concerts/${concert.id}/waiting-room/join`, undefined, {
      'queue-ticket': first.body.ticket,
    });
    const withoutTicket = await browser.request('POST', `/concerts/${concert.id}/waiting-room/join`);
    expect([withTicket.status, withoutTicket.status]).toEqual([200, 200]);
    const entry = (ticket: string) => JSON.parse(Buffer.from(ticket.split('.')[0]!, 'base64url').toString()).e;
    expect(entry(withTicket.body.ticket)).toBe(entry(first.body.ticket));
    expect(entry(withoutTicket.body.ticket)).toBe(entry(first.body.ticket));
    expect(await placesIn(open, concert.id)).toBe(1);
  });
});

describe('the product without proof of work', () => {
  it('when the API asks for none, then the challenge says so and a new session holds at once', async () => {
    const concert = await buildConcert(app);
    const plain = await startTestApp({ trustProxyHops: 1 });
    try {
      const browser = new Browser(plain, address());
      expect((await browser.request('GET', `/concerts/${concert.id}/challenge`)).body).toEqual({
        required: false,
        challenge: null,
      });
      const [seat] = await seatsOf(plain, concert.id);
      expect((await post(plain, '/holds', { concertId: concert.id, seatIds: [seat!.id] })).status).toBe(201);
      expect((await browser.request('GET', `/concerts/00000000-0000-4000-8000-000000000000/challenge`)).status).toBe(
        404,
      );
    } finally {
      await plain.close();
    }
  });
});
