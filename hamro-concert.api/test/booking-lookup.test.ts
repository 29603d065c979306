import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConcert, buyer, seatsOf } from './factories.js';
import { type TestApp, get, post, startTestApp } from './harness.js';
import { expectConsistent } from './invariants.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

async function bookTwo() {
  const concert = await buildConcert(app);
  const seats = (await seatsOf(app, concert.id)).filter((s) => s.section === 'vip').slice(0, 2);
  const who = buyer({ userName: 'Maya Rai' });
  const booking = await post(app, '/ticket-bookings/seats', { ...who, seatIds: seats.map((s) => s.id) });
  expect(booking.status).toBe(201);
  return { concert, seats, who, reference: booking.body.reference as string };
}

const tiersOf = async (concertId: string) =>
  (await get(app, `/concerts/${concertId}`)).body.tiers.map((t: { id: number; available: number }) => [
    t.id,
    t.available,
  ]);

describe('finding a booking', () => {
  it('when the reference and email match, then it shows the concert, seats and total', async () => {
    const { concert, seats, who, reference } = await bookTwo();
    const typed = `${reference.slice(0, 4).toLowerCase()}-${reference.slice(4)}`;

    const response = await get(app, `/bookings/${typed}?email=${encodeURIComponent(who.userEmail.toUpperCase())}`);

    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({
      reference,
      status: 'confirmed',
      cancelledAt: null,
      userName: 'Maya Rai',
      userEmail: who.userEmail,
      totalAmount: '200.00',
      canCancel: true,
      concert: { id: concert.id, title: concert.title, venue: 'Test Hall', date: concert.date, time: concert.time },
    });
    expect(response.body.seats).toEqual(
      seats.map((seat) => ({
        id: seat.id,
        seatNumber: seat.seatNumber,
        section: 'vip',
        row: 1,
        ticketTierId: seat.ticketTierId,
        tierName: 'VIP',
        price: '100.00',
      })),
    );
  });

  it('when the email is wrong, then it answers exactly like an unknown reference', async () => {
    const { reference } = await bookTwo();
    const wrongEmail = await get(app, `/bookings/${reference}?email=someone.else@example.com`);
    const unknown = await get(app, `/bookings/ABCDEFGHJKLM?email=someone.else@example.com`);
    expect(wrongEmail.status).toBe(404);
    expect(unknown.status).toBe(404);
    const { requestId: _a, instance: _b, ...wrongBody } = wrongEmail.body;
    const { requestId: _c, instance: _d, ...unknownBody } = unknown.body;
    expect(wrongBody).toEqual(unknownBody);
    expect((await get(app, `/bookings/${reference}`)).status).toBe(400);
    expect((await get(app, `/bookings/${reference}?email=nope`)).status).toBe(400);
    expect((await get(app, `/bookings/0O1I0O1I0O1I?email=a@b.co`)).status).toBe(400);
  });
});

describe('cancelling a booking', () => {
  it('when the buyer cancels, then the seats are free again and the stock is exactly what it was before', async () => {
    const concert = await buildConcert(app);
    const before = await tiersOf(concert.id);
    const seats = (await seatsOf(app, concert.id)).filter((s) => s.section !== 'front').slice(18, 23);
    const who = buyer();
    const booking = await post(app, '/ticket-bookings/seats', { ...who, seatIds: seats.map((s) => s.id) });
    expect(await tiersOf(concert.id)).not.toEqual(before);

    const cancelled = await post(app, `/bookings/${booking.body.reference}/cancel`, { email: who.userEmail });

    expect(cancelled.status).toBe(200);
    expect(cancelled.body).toMatchObject({ status: 'cancelled', canCancel: false, cancelledAt: expect.any(String) });
    expect(await tiersOf(concert.id)).toEqual(before);
    const map = await seatsOf(app, concert.id);
    for (const seat of seats) expect(map.find((s) => s.id === seat.id)!.status).toBe('available');
    const sales = await app.database.db.execute<{ status: string }>(
      sql`select distinct status from sales where booking_id = (select id from bookings where reference = ${booking.body.reference})`,
    );
    expect(sales.rows).toEqual([{ status: 'cancelled' }]);
    await expectConsistent(app, concert.id);

    const again = await post(app, `/bookings/${booking.body.reference}/cancel`, { email: who.userEmail });
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('booking-already-cancelled');
    expect((await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [seats[0]!.id] })).status).toBe(201);
    await expectConsistent(app, concert.id);
  });

  it('when five cancellations of one booking arrive at once, then exactly one goes through', async () => {
    const { concert, who, reference } = await bookTwo();
    const responses = await Promise.all(
      Array.from({ length: 5 }, () => post(app, `/bookings/${reference}/cancel`, { email: who.userEmail })),
    );
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409, 409, 409, 409]);
    await expectConsistent(app, concert.id);
  });

  it('when the concert has already started, then the booking can no longer be cancelled', async () => {
    const { concert, who, reference } = await bookTwo();
    await app.database.db.execute(sql`update concerts set date = current_date - 1 where id = ${concert.id}`);

    const response = await post(app, `/bookings/${reference}/cancel`, { email: who.userEmail });

    expect(response.status).toBe(409);
    expect(response.body.code).toBe('concert-already-started');
    expect((await get(app, `/bookings/${reference}?email=${who.userEmail}`)).body).toMatchObject({
      status: 'confirmed',
      canCancel: false,
    });
  });

  it('when the email is wrong, then nothing is cancelled', async () => {
    const { who, reference } = await bookTwo();
    expect((await post(app, `/bookings/${reference}/cancel`, { email: 'thief@example.com' })).status).toBe(404);
    expect((await get(app, `/bookings/${reference}?email=${who.userEmail}`)).body.status).toBe('confirmed');
  });
});
