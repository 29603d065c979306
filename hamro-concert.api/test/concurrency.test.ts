import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConcert, buyer, seatsOf, shuffle } from './factories.js';
import { type TestApp, crowdBehindFirst, post, startTestApp } from './harness.js';
import { countRows, expectConsistent } from './invariants.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ poolSize: 20 });
});
afterAll(() => app.close());

describe('bookings under contention', () => {
  it('when the API talks to PostgreSQL, then it does so at READ COMMITTED with a lock timeout and plans once per statement', async () => {
    const { rows } = await app.database.pool.query(
      "select current_setting('transaction_isolation') as isolation, current_setting('lock_timeout') as lock_timeout, current_setting('plan_cache_mode') as plans",
    );
    expect(rows[0]).toEqual({ isolation: 'read committed', lock_timeout: '5s', plans: 'force_generic_plan' });
  });

  it('when 50 buyers race for the same seat, then exactly one gets it and the rest hear 409', async () => {
    const concert = await buildConcert(app);
    const [seat] = await seatsOf(app, concert.id);

    const responses = await Promise.all(
      Array.from({ length: 50 }, () => post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [seat!.id] })),
    );

    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(49);
    for (const loser of responses.filter((r) => r.status === 409)) {
      expect(loser.body).toMatchObject({ code: 'seat-already-booked', seats: [{ id: seat!.id }] });
    }
    expect(await countRows(app, 'bookings', concert.id)).toBe(1);
    await expectConsistent(app, concert.id);
  });

  it('when buyers ask for a seat while a booking of it is in flight, then they wait for it in the API, not in PostgreSQL, and hear 409 once it goes through', async () => {
    const concert = await buildConcert(app);
    const [seat] = await seatsOf(app, concert.id);
    const book = () => post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [seat!.id] });

    const race = await crowdBehindFirst(app, seat!.id, book, () => Array.from({ length: 10 }, book));

    expect(race.queuedInDatabase).toBe(1);
    expect(race.first.status).toBe(201);
    for (const loser of race.crowd) {
      expect(loser.status).toBe(409);
      expect(loser.body).toMatchObject({
        code: 'seat-already-booked',
        seats: [{ id: seat!.id, seatNumber: seat!.seatNumber }],
      });
    }
    await expectConsistent(app, concert.id);
  });

  it('when 20 multi-seat bookings overlap, listing seats in shuffled order, then none deadlocks and no seat is sold twice', async () => {
    const concert = await buildConcert(app);
    const pool = (await seatsOf(app, concert.id))
      .filter((s) => s.section === 'ga')
      .slice(0, 12)
      .map((s) => s.id);
    // Each request takes 3 to 6 seats from a small shared pool, so most overlap with others.
    const requests = Array.from({ length: 20 }, () => shuffle(pool).slice(0, 3 + Math.floor(Math.random() * 4)));

    const responses = await Promise.all(
      requests.map((seatIds) => post(app, '/ticket-bookings/seats', { ...buyer(), seatIds })),
    );

    const statuses = responses.map((r) => r.status);
    expect(
      statuses.every((s) => s === 201 || s === 409),
      `statuses: ${statuses.join(',')}`,
    ).toBe(true);
    expect(statuses).toContain(201);
    const sold = responses.filter((r) => r.status === 201).flatMap((r) => r.body.seatIds as number[]);
    expect(new Set(sold).size).toBe(sold.length);
    expect(await countRows(app, 'booking_seats', concert.id)).toBe(sold.length);
    await expectConsistent(app, concert.id);
  });

  it('when many buyers book different seats of one tier at once, then all succeed', async () => {
    const concert = await buildConcert(app);
    const ga = (await seatsOf(app, concert.id)).filter((s) => s.section === 'ga');

    const responses = await Promise.all(
      ga.map((seat) => post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [seat.id] })),
    );

    expect(responses.map((r) => r.status).every((s) => s === 201)).toBe(true);
    await expectConsistent(app, concert.id);
  });
});
