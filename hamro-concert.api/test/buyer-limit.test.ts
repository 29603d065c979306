import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConcert, buyer, seatsOf } from './factories.js';
import { type TestApp, crowdBehindFirst, del, get, post, put, startTestApp } from './harness.js';
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

  it('when a buyer gives their email with a hold, then the held seats count toward the limit until booked or released', async () => {
    const concert = await buildConcert(app);
    const ga = (await seatsOf(app, concert.id)).filter((s) => s.section === 'ga');
    const who = buyer();
    const ids = (from: number, to: number) => ga.slice(from, to).map((s) => s.id);

    const first = await post(app, '/holds', { concertId: concert.id, seatIds: ids(0, 4), userEmail: who.userEmail });
    expect(first.status).toBe(201);
    // Another browser (another session), the same email in other letters: 4 held + 3 is past 6.
    const over = await post(app, '/holds', {
      concertId: concert.id,
      seatIds: ids(4, 7),
      userEmail: who.userEmail.toUpperCase(),
    });
    expect(over.status).toBe(409);
    expect(over.body).toMatchObject({ code: 'buyer-limit-reached', limit: 6, requested: 3 });
    expect((await get(app, `/seats/concert/${concert.id}`)).body.heldSeats).toBe(4);
    const best = await post(app, '/holds/best-available', {
      concertId: concert.id,
      ticketTierId: ga[0]!.ticketTierId,
      quantity: 3,
      userEmail: who.userEmail,
    });
    expect([best.status, best.body.code]).toEqual([409, 'buyer-limit-reached']);
    // Without the email nothing is counted: a hold alone cannot tell who the buyer is.
    const anonymous = await post(app, '/holds', { concertId: concert.id, seatIds: ids(4, 7) });
    expect(anonymous.status).toBe(201);
    await del(app, `/holds/${anonymous.body.holdToken}`);

    const second = await post(app, '/holds', { concertId: concert.id, seatIds: ids(4, 6), userEmail: who.userEmail });
    expect(second.status).toBe(201);
    // Booking a held seat moves it from held to booked: it is not counted twice.
    const booked = await post(app, '/ticket-bookings/seats', {
      ...who,
      seatIds: ids(0, 4),
      holdToken: first.body.holdToken,
    });
    expect(booked.status).toBe(201);
    const one = await post(app, '/holds', { concertId: concert.id, seatIds: ids(6, 7), userEmail: who.userEmail });
    expect([one.status, one.body.code]).toEqual([409, 'buyer-limit-reached']);

    // Released, the hold's seats count no more.
    expect((await del(app, `/holds/${second.body.holdToken}`)).status).toBe(204);
    expect(
      (await post(app, '/holds', { concertId: concert.id, seatIds: ids(6, 8), userEmail: who.userEmail })).status,
    ).toBe(201);
    await expectConsistent(app, concert.id);
  });

  it('when a buyer names themselves on a hold later, then it counts from then, and past the limit it is refused', async () => {
    const concert = await buildConcert(app);
    const ga = (await seatsOf(app, concert.id)).filter((s) => s.section === 'ga');
    const who = buyer();
    const booked = await post(app, '/ticket-bookings/seats', { ...who, seatIds: ga.slice(0, 3).map((s) => s.id) });
    expect(booked.status).toBe(201);

    const small = await post(app, '/holds', { concertId: concert.id, seatIds: [ga[3]!.id, ga[4]!.id] });
    const large = await post(app, '/holds', { concertId: concert.id, seatIds: ga.slice(5, 9).map((s) => s.id) });
    const named = await put(app, `/holds/${small.body.holdToken}/buyer`, { userEmail: ` ${who.userEmail} ` });
    expect(named.status).toBe(200);
    expect(named.body).toMatchObject({ holdToken: small.body.holdToken, status: 'active' });

    // 3 booked + 2 held + 4 is past 6; and the refused hold stays as it was, unnamed and active.
    const refused = await put(app, `/holds/${large.body.holdToken}/buyer`, { userEmail: who.userEmail });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'buyer-limit-reached', limit: 6, requested: 4 });
    expect((await get(app, `/holds/${large.body.holdToken}`)).body.status).toBe('active');
    // Naming the same hold again does not count it twice.
    expect((await put(app, `/holds/${small.body.holdToken}/buyer`, { userEmail: who.userEmail })).status).toBe(200);

    expect((await put(app, `/holds/${large.body.holdToken}/buyer`, { userEmail: 'not-an-email' })).status).toBe(400);
    expect((await put(app, '/holds/aaaaaaaaaaaaaaaaaaaaaaaa/buyer', { userEmail: who.userEmail })).status).toBe(404);
    await del(app, `/holds/${large.body.holdToken}`);
    const ended = await put(app, `/holds/${large.body.holdToken}/buyer`, { userEmail: who.userEmail });
    expect([ended.status, ended.body.code]).toEqual([410, 'hold-released']);
    await expectConsistent(app, concert.id);
  });
});
