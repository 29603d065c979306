import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConcert, buyer, seatsOf, shuffle } from './factories.js';
import { type TestApp, crowdBehindFirst, del, eventually, get, post, startTestApp } from './harness.js';
import { expectConsistent } from './invariants.js';

let app: TestApp;
let shortLived: TestApp;
beforeAll(async () => {
  app = await startTestApp();
  shortLived = await startTestApp({ holdTtlSeconds: 1 });
});
afterAll(async () => {
  await app.close();
  await shortLived.close();
});

const hold = (on: TestApp, concertId: string, seatIds: number[]) => post(on, '/holds', { concertId, seatIds });

async function expiredHold(concertId: string, seatIds: number[]) {
  const created = await hold(shortLived, concertId, seatIds);
  expect(created.status).toBe(201);
  await eventually(async () => (await get(shortLived, `/holds/${created.body.holdToken}`)).body.status === 'expired');
  return created.body.holdToken as string;
}

describe('seat holds', () => {
  it('when a buyer holds seats, then others can neither hold nor book them, and they stop counting as available', async () => {
    const concert = await buildConcert(app);
    const [a, b, c] = (await seatsOf(app, concert.id)).filter((s) => s.section === 'vip');

    const created = await hold(app, concert.id, [b!.id, a!.id]);

    expect(created.status).toBe(201);
    expect(created.body).toEqual({
      holdToken: expect.stringMatching(/^[\w-]{32}$/),
      concertId: concert.id,
      seatIds: [a!.id, b!.id],
      expiresAt: expect.any(String),
      status: 'active',
    });
    const ttl = Date.parse(created.body.expiresAt) - Date.now();
    expect(ttl).toBeGreaterThan(590_000);
    expect(ttl).toBeLessThanOrEqual(600_000);

    const rival = await hold(app, concert.id, [c!.id, b!.id]);
    expect(rival.status).toBe(409);
    expect(rival.body).toMatchObject({ code: 'seat-held', seats: [{ id: b!.id, seatNumber: b!.seatNumber }] });
    const booking = await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [a!.id] });
    expect(booking.status).toBe(409);
    expect(booking.body.code).toBe('seat-held');

    const map = await get(app, `/seats/concert/${concert.id}`);
    expect(map.body).toMatchObject({ availableSeats: 98, heldSeats: 2, bookedSeats: 0 });
    expect(map.body.seats.find((s: { id: number }) => s.id === a!.id)).toMatchObject({
      status: 'held',
      isBooked: false,
    });
    const vip = (await get(app, `/concerts/${concert.id}`)).body.tiers.find((t: { name: string }) => t.name === 'VIP');
    expect(vip.available).toBe(18);
    expect(
      (await get(app, `/seats/concert/${concert.id}/available`)).body.map((s: { id: number }) => s.id),
    ).not.toContain(a!.id);
    await expectConsistent(app, concert.id);
  });

  it('when the holder books with the token, then exactly the held seats are booked and the hold is used up', async () => {
    const concert = await buildConcert(app);
    const [a, b] = await seatsOf(app, concert.id);
    const { body: held } = await hold(app, concert.id, [a!.id, b!.id]);

    const mismatch = await post(app, '/ticket-bookings/seats', {
      ...buyer(),
      seatIds: [a!.id],
      holdToken: held.holdToken,
    });
    expect(mismatch.status).toBe(400);
    expect(mismatch.body.code).toBe('hold-mismatch');

    const booked = await post(app, '/ticket-bookings/seats', {
      ...buyer(),
      seatIds: [b!.id, a!.id],
      holdToken: held.holdToken,
    });
    expect(booked.status).toBe(201);
    expect(booked.body.holdOutcome).toBe('confirmed-hold');
    expect((await get(app, `/holds/${held.holdToken}`)).body.status).toBe('confirmed');
    const map = await get(app, `/seats/concert/${concert.id}`);
    expect(map.body).toMatchObject({ bookedSeats: 2, heldSeats: 0 });

    const again = await post(app, '/ticket-bookings/seats', {
      ...buyer(),
      seatIds: [a!.id, b!.id],
      holdToken: held.holdToken,
    });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('hold-already-used');
    expect((await del(app, `/holds/${held.holdToken}`)).status).toBe(409);
    await expectConsistent(app, concert.id);
  });

  it('when a release (the page closing) races Book on the same hold, then one of them wins, without a deadlock', async () => {
    const concert = await buildConcert(app);
    const seats = await seatsOf(app, concert.id);
    for (let round = 0; round < 20; round++) {
      const pair = [seats[2 * round]!.id, seats[2 * round + 1]!.id];
      const { body: held } = await hold(app, concert.id, pair);
      const [release, booking] = await Promise.all([
        del(app, `/holds/${held.holdToken}`),
        post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: pair, holdToken: held.holdToken }),
      ]);
      const status = (await get(app, `/holds/${held.holdToken}`)).body.status;
      if (booking.status === 201) {
        expect([release.status, status]).toEqual([409, 'confirmed']);
      } else {
        expect([release.status, booking.status, status]).toEqual([204, 410, 'released']);
      }
    }
    await expectConsistent(app, concert.id);
  });

  it('when a hold is released, then its seats are free at once and the token no longer books', async () => {
    const concert = await buildConcert(app);
    const [a] = await seatsOf(app, concert.id);
    const { body: held } = await hold(app, concert.id, [a!.id]);

    expect((await del(app, `/holds/${held.holdToken}`)).status).toBe(204);
    expect((await del(app, `/holds/${held.holdToken}`)).status).toBe(204);
    expect((await get(app, `/holds/${held.holdToken}`)).body.status).toBe('released');
    expect((await seatsOf(app, concert.id)).find((s) => s.id === a!.id)!.status).toBe('available');
    const late = await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [a!.id], holdToken: held.holdToken });
    expect(late.status).toBe(410);
    expect(late.body.code).toBe('hold-released');
    expect((await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [a!.id] })).status).toBe(201);
  });

  it('when a hold expires, then its seats are free in every view and to every lock, with no sweep needed', async () => {
    const concert = await buildConcert(shortLived);
    const [a, b] = await seatsOf(shortLived, concert.id);
    const before = await get(shortLived, `/seats/concert/${concert.id}`);
    await expiredHold(concert.id, [a!.id, b!.id]);

    // The seat rows still carry the hold: nothing tidied them, yet they count as free.
    const rows = await shortLived.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from seats where id in (${a!.id}, ${b!.id}) and hold_id is not null`,
    );
    expect(rows.rows[0]!.n).toBe(2);
    const map = await get(shortLived, `/seats/concert/${concert.id}`);
    expect(map.body).toMatchObject({ availableSeats: 100, heldSeats: 0 });
    expect(map.headers.get('etag')).not.toBe(before.headers.get('etag'));
    expect((await hold(shortLived, concert.id, [a!.id])).status).toBe(201);
    expect((await post(shortLived, '/ticket-bookings/seats', { ...buyer(), seatIds: [b!.id] })).status).toBe(201);
  });

  it('when an expired hold is confirmed and its seats are still free, then the booking goes through and says so', async () => {
    const concert = await buildConcert(shortLived);
    const [a, b] = await seatsOf(shortLived, concert.id);
    const token = await expiredHold(concert.id, [a!.id, b!.id]);

    const booked = await post(shortLived, '/ticket-bookings/seats', {
      ...buyer(),
      seatIds: [a!.id, b!.id],
      holdToken: token,
    });

    expect(booked.status).toBe(201);
    expect(booked.body.holdOutcome).toBe('hold-expired-seats-still-free');
    expect((await get(shortLived, `/holds/${token}`)).body.status).toBe('confirmed');
  });

  it('when an expired hold is confirmed after someone else took a seat, then it answers 410 hold-expired', async () => {
    const concert = await buildConcert(shortLived);
    const [a, b] = await seatsOf(shortLived, concert.id);
    const token = await expiredHold(concert.id, [a!.id, b!.id]);
    expect((await post(shortLived, '/ticket-bookings/seats', { ...buyer(), seatIds: [b!.id] })).status).toBe(201);

    const late = await post(shortLived, '/ticket-bookings/seats', {
      ...buyer(),
      seatIds: [a!.id, b!.id],
      holdToken: token,
    });

    expect(late.status).toBe(410);
    expect(late.body.code).toBe('hold-expired');
    expect((await seatsOf(shortLived, concert.id)).find((s) => s.id === a!.id)!.status).toBe('available');
  });

  it('when 20 buyers race to hold overlapping seats, then no seat ends up in two holds and nothing is half-held', async () => {
    const concert = await buildConcert(app);
    const pool = (await seatsOf(app, concert.id))
      .filter((s) => s.section === 'ga')
      .slice(0, 10)
      .map((s) => s.id);
    const requests = Array.from({ length: 20 }, () => shuffle(pool).slice(0, 2 + Math.floor(Math.random() * 4)));

    const responses = await Promise.all(requests.map((seatIds) => hold(app, concert.id, seatIds)));

    const statuses = responses.map((r) => r.status);
    expect(
      statuses.every((s) => s === 201 || s === 409),
      statuses.join(','),
    ).toBe(true);
    const held = responses.filter((r) => r.status === 201).flatMap((r) => r.body.seatIds as number[]);
    expect(new Set(held).size).toBe(held.length);
    const rows = await app.database.db.execute<{ id: number }>(sql`
      select id from seats where concert_id = ${concert.id} and held_until > now() order by id`);
    expect(rows.rows.map((r) => r.id)).toEqual([...held].sort((x, y) => x - y));
    for (const loser of responses.filter((r) => r.status === 409)) expect(loser.body.code).toBe('seat-held');
    await expectConsistent(app, concert.id);
  });

  it('when a crowd holds and books a seat while a hold of it is in flight, then they wait in the API and hear seat-held', async () => {
    const concert = await buildConcert(app);
    const [seat] = await seatsOf(app, concert.id);
    const race = await crowdBehindFirst(
      app,
      seat!.id,
      () => hold(app, concert.id, [seat!.id]),
      () => [
        ...Array.from({ length: 5 }, () => hold(app, concert.id, [seat!.id])),
        ...Array.from({ length: 5 }, () => post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [seat!.id] })),
      ],
    );

    expect(race.queuedInDatabase).toBe(1);
    expect(race.first.status).toBe(201);
    for (const loser of race.crowd) {
      expect(loser.status).toBe(409);
      expect(loser.body).toMatchObject({ code: 'seat-held', seats: [{ id: seat!.id, seatNumber: seat!.seatNumber }] });
    }
    await expectConsistent(app, concert.id);
  });

  it('when a hold request is wrong, then it answers the matching 4xx', async () => {
    const first = await buildConcert(app);
    const second = await buildConcert(app);
    const [x] = await seatsOf(app, first.id);
    const [y] = await seatsOf(app, second.id);
    const elsewhere = await hold(app, first.id, [x!.id, y!.id]);
    expect(elsewhere.status).toBe(400);
    expect(elsewhere.body).toMatchObject({ code: 'seat-not-in-concert', seatIds: [y!.id] });
    expect((await hold(app, '00000000-0000-4000-8000-000000000000', [x!.id])).body.code).toBe('concert-not-found');
    expect((await hold(app, first.id, [2_000_000_001])).body.code).toBe('seat-not-found');
    expect((await hold(app, first.id, [])).status).toBe(400);
    expect(
      (
        await hold(
          app,
          first.id,
          Array.from({ length: 11 }, (_, i) => i + 1),
        )
      ).status,
    ).toBe(400);
    expect((await get(app, '/holds/not!a!token')).status).toBe(400);
    expect((await get(app, '/holds/AAAAAAAAAAAAAAAAAAAAAAAA')).body.code).toBe('hold-not-found');
    expect((await del(app, '/holds/AAAAAAAAAAAAAAAAAAAAAAAA')).status).toBe(404);
    const unknown = await post(app, '/ticket-bookings/seats', {
      ...buyer(),
      seatIds: [x!.id],
      holdToken: 'AAAAAAAAAAAAAAAAAAAAAAAA',
    });
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('hold-not-found');
  });
});
