import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConcert, buyer, seatsOf } from './factories.js';
import { type TestApp, crowdBehindFirst, post, startTestApp } from './harness.js';
import { expectConsistent } from './invariants.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ maxTicketsPerBuyer: 6 });
});
afterAll(() => app.close());

describe('the per-buyer limit (MAX_TICKETS_PER_BUYER = 6 here)', () => {
  it('when a buyer would own more than the limit, then 409 buyer-limit-reached, whatever the case of the email', async () => {
    const concert = await buildConcert(app);
    const ga = (await seatsOf(app, concert.id)).filter((s) => s.section === 'ga');
    const who = buyer();

    expect(
      (await post(app, '/ticket-bookings/seats', { ...who, seatIds: ga.slice(0, 4).map((s) => s.id) })).status,
    ).toBe(201);
    const over = await post(app, '/ticket-bookings/seats', {
      ...who,
      userEmail: who.userEmail.toUpperCase(),
      seatIds: ga.slice(4, 7).map((s) => s.id),
    });

    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ code: 'buyer-limit-reached', limit: 6, requested: 3 });
    // Anyone can type this email: how many seats it already has is not told.
    expect(over.body).not.toHaveProperty('owned');
    expect(JSON.stringify(over.body)).not.toMatch(/\b4\b/);
    expect(
      (await post(app, '/ticket-bookings/seats', { ...who, seatIds: ga.slice(4, 6).map((s) => s.id) })).status,
    ).toBe(201);
    await expectConsistent(app, concert.id);
  });

  it('when one buyer sends many bookings in parallel, then together they never pass the limit', async () => {
    const concert = await buildConcert(app);
    const ga = (await seatsOf(app, concert.id)).filter((s) => s.section === 'ga');
    const who = buyer();

    const responses = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        post(app, '/ticket-bookings/seats', { ...who, seatIds: [ga[2 * i]!.id, ga[2 * i + 1]!.id] }),
      ),
    );

    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s === 201)).toHaveLength(3);
    expect(statuses.filter((s) => s === 409)).toHaveLength(7);
    for (const refused of responses.filter((r) => r.status === 409))
      expect(refused.body.code).toBe('buyer-limit-reached');
    await expectConsistent(app, concert.id);
  });

  it('when a buyer cancels, then the seats count against the limit no more', async () => {
    const concert = await buildConcert(app);
    const ga = (await seatsOf(app, concert.id)).filter((s) => s.section === 'ga');
    const who = buyer();
    const first = await post(app, '/ticket-bookings/seats', { ...who, seatIds: ga.slice(0, 6).map((s) => s.id) });
    expect(first.status).toBe(201);
    expect((await post(app, '/ticket-bookings/seats', { ...who, seatIds: [ga[6]!.id] })).status).toBe(409);

    expect((await post(app, `/bookings/${first.body.reference}/cancel`, { email: who.userEmail })).status).toBe(200);

    expect(
      (await post(app, '/ticket-bookings/seats', { ...who, seatIds: ga.slice(6, 12).map((s) => s.id) })).status,
    ).toBe(201);
    await expectConsistent(app, concert.id);
  });

  it('when other buyers book, then their seats do not count against this one', async () => {
    const concert = await buildConcert(app);
    const ga = (await seatsOf(app, concert.id)).filter((s) => s.section === 'ga');
    for (let i = 0; i < 3; i++) {
      expect(
        (
          await post(app, '/ticket-bookings/seats', {
            ...buyer(),
            seatIds: ga.slice(6 * i, 6 * i + 6).map((s) => s.id),
          })
        ).status,
      ).toBe(201);
    }
  });

  it('when a buyer at the limit and others ask for the same seat at once, then the refusal of the first does not cost the others the seat', async () => {
    const concert = await buildConcert(app);
    const ga = (await seatsOf(app, concert.id)).filter((s) => s.section === 'ga');
    const full = buyer();
    expect(
      (await post(app, '/ticket-bookings/seats', { ...full, seatIds: ga.slice(0, 6).map((s) => s.id) })).status,
    ).toBe(201);
    const wanted = ga[6]!.id;

    // The buyer at the limit asks first, and the others arrive while that doomed booking is in flight.
    const race = await crowdBehindFirst(
      app,
      wanted,
      () => post(app, '/ticket-bookings/seats', { ...full, seatIds: [wanted] }),
      () => Array.from({ length: 10 }, () => post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [wanted] })),
    );
    const [refused, others] = [race.first, race.crowd];

    expect(refused.body).toMatchObject({ code: 'buyer-limit-reached' });
    expect(others.filter((r) => r.status === 201)).toHaveLength(1);
    expect(others.filter((r) => r.status === 409).map((r) => r.body.code)).toEqual(
      Array(9).fill('seat-already-booked'),
    );
    await expectConsistent(app, concert.id);
  });
});
