import { createHmac } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConcert, buyer, seatsOf } from './factories.js';
import { type JsonResponse, type TestApp, eventually, get, post, request, startTestApp } from './harness.js';

const ADMIN = 'waiting-room-admin-token';
const asAdmin = { authorization: `Bearer ${ADMIN}` };

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ tokens: { admin: ADMIN }, waitingRoomTickMs: 50 });
});
afterAll(() => app.close());

const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

async function roomFor(settings: { admitPerMinute: number; maxShopping: number }, opensInSeconds: number) {
  const concert = await buildConcert(app, { salesOpenAt: inSeconds(opensInSeconds) });
  const room = await request(
    app,
    'PUT',
    `/admin/concerts/${concert.id}/waiting-room`,
    { enabled: true, ...settings },
    asAdmin,
  );
  expect(room.status).toBe(200);
  // A room already open draws whoever came before its first tick at random: let that tick pass, so
  // that those who join next queue in arrival order.
  if (opensInSeconds <= 0) await new Promise((resolve) => setTimeout(resolve, 250));
  return concert;
}

const join = (app: TestApp, concertId: string, ticket?: string) =>
  post(app, `/concerts/${concertId}/waiting-room/join`, undefined, ticket ? { 'queue-ticket': ticket } : {});
const visit = (app: TestApp, concertId: string, ticket: string) =>
  get(app, `/concerts/${concertId}/waiting-room`, { 'queue-ticket': ticket });

/** Polls until the visitor is admitted; returns the last answer. */
async function untilAdmitted(concertId: string, ticket: string) {
  let last = await visit(app, concertId, ticket);
  await eventually(async () => {
    last = await visit(app, concertId, ticket);
    return last.body.state === 'admitted';
  }, 20_000);
  return last.body;
}

describe('a concert without a waiting room', () => {
  it('when anyone asks, then the room is off and seats are held without a pass', async () => {
    const concert = await buildConcert(app);
    expect((await get(app, `/concerts/${concert.id}/waiting-room`)).body.state).toBe('off');
    const [seat] = await seatsOf(app, concert.id);
    expect((await post(app, '/holds', { concertId: concert.id, seatIds: [seat!.id] })).status).toBe(201);
  });
});

describe('the waiting room of an on-sale', () => {
  it('when visitors arrive before the opening, then they are drawn into a random order, later ones queue behind them first come first served, and each is admitted once, in place order', async () => {
    const concert = await roomFor({ admitPerMinute: 1200, maxShopping: 1000 }, 2);
    const early: JsonResponse[] = [];
    for (let i = 0; i < 30; i++) early.push(await join(app, concert.id));
    expect(early.every((answer) => answer.status === 201 && answer.body.state === 'waiting')).toBe(true);
    expect(early.every((answer) => answer.body.position === null && answer.body.ticket)).toBe(true);
    expect(early.at(-1)!.body.waiting).toBe(30);

    // Coming back with the ticket keeps the place; it does not join again.
    const again = await join(app, concert.id, early[0]!.body.ticket);
    expect([again.status, again.body.ticket]).toEqual([200, early[0]!.body.ticket]);

    await eventually(async () => (await visit(app, concert.id, early[0]!.body.ticket)).body.place !== null, 10_000);
    const late: JsonResponse[] = [];
    for (let i = 0; i < 5; i++) late.push(await join(app, concert.id));

    const admitted = await Promise.all(
      [...early, ...late].map((answer) => untilAdmitted(concert.id, answer.body.ticket)),
    );
    const earlyPlaces = admitted.slice(0, 30).map((v) => v.place as number);
    expect([...earlyPlaces].sort((a, b) => a - b)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    // Drawn, not in arrival order (a chance of 1 in 30! of failing by luck).
    expect(earlyPlaces).not.toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
    expect(admitted.slice(30).map((v) => v.place)).toEqual([31, 32, 33, 34, 35]);
    const byPlace = [...admitted].sort((a, b) => a.place - b.place).map((v) => Date.parse(v.admittedAt));
    expect(byPlace).toEqual([...byPlace].sort((a, b) => a - b));

    const { rows } = await app.database.pool.query(
      'select count(*)::int as n, count(distinct place)::int as places from waiting_room_entries where concert_id = $1 and admitted_at is not null',
      [concert.id],
    );
    expect(rows[0]).toEqual({ n: 35, places: 35 });
  });

  it("while the room is on, then holding and booking need a pass of this concert: none, a forged one or another concert's get 403 admission-required", async () => {
    const concert = await roomFor({ admitPerMinute: 6000, maxShopping: 100 }, -1);
    const other = await roomFor({ admitPerMinute: 6000, maxShopping: 100 }, -1);
    const seats = await seatsOf(app, concert.id);
    const otherPass = (await untilAdmitted(other.id, (await join(app, other.id)).body.ticket)).pass as string;
    const [body, signature] = otherPass.split('.');
    const claims = JSON.parse(Buffer.from(body!, 'base64url').toString());
    const forged = `${Buffer.from(JSON.stringify({ ...claims, c: concert.id })).toString('base64url')}.${signature}`;
    for (const pass of [undefined, 'not.a-pass', forged, otherPass]) {
      const headers: Record<string, string> = pass ? { 'admission-pass': pass } : {};
      const hold = await request(app, 'POST', '/holds', { concertId: concert.id, seatIds: [seats[0]!.id] }, headers);
      const booking = await request(
        app,
        'POST',
        '/ticket-bookings/seats',
        { ...buyer(), seatIds: [seats[0]!.id] },
        headers,
      );
      const best = await request(
        app,
        'POST',
        '/ticket-bookings/best-available',
        { ...buyer(), concertId: concert.id, ticketTierId: concert.tiers[0]!.id, quantity: 1 },
        headers,
      );
      for (const answer of [hold, booking, best])
        expect([answer.status, answer.body.code]).toEqual([403, 'admission-required']);
    }
    // An expired pass, though signed with the real key, is refused too.
    const { rows } = await app.database.pool.query(`select value from app_state where key = 'signing-key'`);
    const expiredBody = Buffer.from(JSON.stringify({ ...claims, c: concert.id, x: Date.now() - 1000 })).toString(
      'base64url',
    );
    const expired = `${expiredBody}.${createHmac('sha256', Buffer.from(rows[0].value, 'base64url')).update(expiredBody).digest('base64url')}`;
    const hold = await request(
      app,
      'POST',
      '/holds',
      { concertId: concert.id, seatIds: [seats[0]!.id] },
      { 'admission-pass': expired },
    );
    expect(hold.status).toBe(403);
    const { rows: sold } = await app.database.pool.query(
      'select count(*)::int as n from seats where concert_id = $1 and (booking_id is not null or held_until > now())',
      [concert.id],
    );
    expect(sold[0].n).toBe(0);
  });

  it('when admitted, then the pass holds one set of seats at a time and books them, and booking frees the place for the next visitor', async () => {
    const concert = await roomFor({ admitPerMinute: 6000, maxShopping: 1 }, -1);
    const first = await join(app, concert.id);
    const second = await join(app, concert.id);
    const pass = (await untilAdmitted(concert.id, first.body.ticket)).pass as string;
    // Only one may shop at a time: the second waits while the first shops.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await visit(app, concert.id, second.body.ticket)).body).toMatchObject({
      state: 'waiting',
      position: 1,
      ahead: 0,
    });

    const seats = await seatsOf(app, concert.id);
    const withPass = { 'admission-pass': pass };
    const hold = await request(app, 'POST', '/holds', { concertId: concert.id, seatIds: [seats[0]!.id] }, withPass);
    expect(hold.status).toBe(201);
    const secondHold = await request(
      app,
      'POST',
      '/holds',
      { concertId: concert.id, seatIds: [seats[1]!.id] },
      withPass,
    );
    expect([secondHold.status, secondHold.body.code]).toEqual([409, 'one-hold-at-a-time']);
    const booking = await request(
      app,
      'POST',
      '/ticket-bookings/seats',
      { ...buyer(), seatIds: [seats[0]!.id], holdToken: hold.body.holdToken },
      withPass,
    );
    expect(booking.status).toBe(201);
    expect((await visit(app, concert.id, first.body.ticket)).body.state).toBe('expired');
    expect((await untilAdmitted(concert.id, second.body.ticket)).state).toBe('admitted');
  });

  it('when the organizer pauses the room, then no one is admitted until it resumes, and the live view shows the room', async () => {
    const concert = await roomFor({ admitPerMinute: 6000, maxShopping: 100 }, -1);
    const settings = { enabled: true, admitPerMinute: 6000, maxShopping: 100 };
    await request(app, 'PUT', `/admin/concerts/${concert.id}/waiting-room`, { ...settings, paused: true }, asAdmin);
    const visitor = await join(app, concert.id);
    await new Promise((resolve) => setTimeout(resolve, 400));
    const paused = await visit(app, concert.id, visitor.body.ticket);
    expect(paused.body).toMatchObject({ state: 'waiting', paused: true, estimatedWaitSeconds: null });
    const live = await request(app, 'GET', `/admin/concerts/${concert.id}/waiting-room`, undefined, asAdmin);
    expect(live.body).toMatchObject({ enabled: true, paused: true, waiting: 1, shopping: 0, admitted: 0 });

    await request(app, 'PUT', `/admin/concerts/${concert.id}/waiting-room`, settings, asAdmin);
    await untilAdmitted(concert.id, visitor.body.ticket);
    const after = await request(app, 'GET', `/admin/concerts/${concert.id}/waiting-room`, undefined, asAdmin);
    expect(after.body).toMatchObject({ waiting: 0, shopping: 1, admitted: 1, admittedLastMinute: 1 });
    expect((await request(app, 'GET', `/admin/concerts/${concert.id}/waiting-room`)).status).toBe(401);
  });

  it('when another instance starts on the same database, then it knows every place and accepts the passes the first gave', async () => {
    const concert = await roomFor({ admitPerMinute: 6000, maxShopping: 100 }, -1);
    const visitor = await join(app, concert.id);
    const admitted = await untilAdmitted(concert.id, visitor.body.ticket);
    const restarted = await startTestApp({ waitingRoomTickMs: 50 });
    try {
      const seen = await visit(restarted, concert.id, visitor.body.ticket);
      expect(seen.body).toMatchObject({ state: 'admitted', place: admitted.place });
      const [seat] = await seatsOf(restarted, concert.id);
      const hold = await request(
        restarted,
        'POST',
        '/holds',
        { concertId: concert.id, seatIds: [seat!.id] },
        { 'admission-pass': seen.body.pass },
      );
      expect(hold.status).toBe(201);
    } finally {
      await restarted.close();
    }
  });

  it('when the opening is far off, then visitors cannot join yet and learn when they can', async () => {
    const concert = await roomFor({ admitPerMinute: 60, maxShopping: 10 }, 3600);
    const answer = await join(app, concert.id);
    expect([answer.status, answer.body.state, answer.body.ticket]).toEqual([200, 'not-yet', null]);
    expect(Date.parse(answer.body.joinsFrom)).toBe(Date.parse(answer.body.opensAt) - 15 * 60_000);
  });
});

describe('holds per browser session', () => {
  it('when one browser session holds seats, then its second hold is refused until it releases the first; another session holds freely', async () => {
    const concert = await buildConcert(app);
    const seats = await seatsOf(app, concert.id);
    const first = await post(app, '/holds', { concertId: concert.id, seatIds: [seats[0]!.id] });
    const cookie = first.headers.get('set-cookie')!.split(';')[0]!;
    expect(cookie).toMatch(/^hamro_session=/);
    expect(first.headers.get('set-cookie')).toMatch(/HttpOnly/i);
    const inSession = { cookie };
    const second = await request(app, 'POST', '/holds', { concertId: concert.id, seatIds: [seats[1]!.id] }, inSession);
    expect([second.status, second.body.code]).toEqual([409, 'one-hold-at-a-time']);
    const elsewhere = await post(app, '/holds', { concertId: concert.id, seatIds: [seats[1]!.id] });
    expect(elsewhere.status).toBe(201);

    await request(app, 'DELETE', `/holds/${first.body.holdToken}`, undefined, inSession);
    const afterRelease = await request(
      app,
      'POST',
      '/holds',
      { concertId: concert.id, seatIds: [seats[2]!.id] },
      inSession,
    );
    expect(afterRelease.status).toBe(201);
    // Once a hold has run out, the session may hold again without releasing it.
    await app.database.pool.query(`update holds set expires_at = now() - interval '1 second' where token = $1`, [
      afterRelease.body.holdToken,
    ]);
    const afterExpiry = await request(
      app,
      'POST',
      '/holds',
      { concertId: concert.id, seatIds: [seats[3]!.id] },
      inSession,
    );
    expect(afterExpiry.status).toBe(201);
  });
});
