import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConcert, buyer, seatsOf } from './factories.js';
import { type TestApp, get, post, request, startTestApp } from './harness.js';
import { countRows, expectConsistent } from './invariants.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('POST /ticket-bookings/seats', () => {
  it('when a buyer books free seats of two tiers, then it answers 201 with one sale record per tier and stores it all', async () => {
    const concert = await buildConcert(app);
    const seats = await seatsOf(app, concert.id);
    const vip = seats.filter((s) => s.section === 'vip').slice(0, 2);
    const ga = seats.find((s) => s.section === 'ga')!;
    const who = buyer({ userName: 'Sita Sharma' });

    const response = await post(app, '/ticket-bookings/seats', { ...who, seatIds: [ga.id, vip[0]!.id, vip[1]!.id] });

    expect(response.status).toBe(201);
    const booking = response.body;
    expect(booking).toMatchObject({
      userName: 'Sita Sharma',
      userEmail: who.userEmail,
      seatIds: [ga.id, vip[0]!.id, vip[1]!.id],
      totalAmount: '210.00',
    });
    expect(booking.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(booking.reference).toMatch(/^[A-HJ-NP-Z2-9]{12}$/);
    const vipTier = concert.tiers.find((t) => t.name === 'VIP')!;
    const gaTier = concert.tiers.find((t) => t.name === 'General Admission')!;
    expect(booking.ticketData).toHaveLength(2);
    expect(booking.ticketData).toContainEqual({
      concertId: concert.id,
      ticketTierId: vipTier.id,
      quantity: 2,
      pricePerTicket: '100.00',
      totalAmount: '200.00',
      status: 'confirmed',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      seatNumbers: [vip[0]!.seatNumber, vip[1]!.seatNumber],
    });
    expect(booking.ticketData).toContainEqual(
      expect.objectContaining({
        ticketTierId: gaTier.id,
        quantity: 1,
        pricePerTicket: '10.00',
        totalAmount: '10.00',
        seatNumbers: [ga.seatNumber],
      }),
    );

    const after = await get(app, `/concerts/${concert.id}`);
    expect(after.body.tiers.find((t: { id: number }) => t.id === vipTier.id).available).toBe(18);
    expect(after.body.tiers.find((t: { id: number }) => t.id === gaTier.id).available).toBe(59);
    const map = await seatsOf(app, concert.id);
    expect(
      map
        .filter((s) => s.isBooked)
        .map((s) => s.id)
        .sort(),
    ).toEqual([ga.id, vip[0]!.id, vip[1]!.id].sort());
    await expectConsistent(app, concert.id);
  });

  it('when a seat is already booked, then it answers 409 naming that seat and writes nothing', async () => {
    const concert = await buildConcert(app);
    const [a, b, c] = (await seatsOf(app, concert.id)).filter((s) => s.section === 'front');
    expect((await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [b!.id] })).status).toBe(201);
    const before = await countRows(app, 'booking_seats', concert.id);

    const response = await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [a!.id, b!.id, c!.id] });

    expect(response.status).toBe(409);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      status: 409,
      code: 'seat-already-booked',
      seats: [{ id: b!.id, seatNumber: b!.seatNumber }],
    });
    expect(response.body.detail).toContain(b!.seatNumber);
    expect(await countRows(app, 'booking_seats', concert.id)).toBe(before);
    const map = await seatsOf(app, concert.id);
    expect(map.find((s) => s.id === a!.id)!.isBooked).toBe(false);
    await expectConsistent(app, concert.id);
  });

  it('when a seat does not exist, then it answers 404 with the missing ids and writes nothing', async () => {
    const concert = await buildConcert(app);
    const [seat] = await seatsOf(app, concert.id);

    const response = await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [seat!.id, 2_000_000_000] });

    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: 'seat-not-found', seatIds: [2_000_000_000] });
    expect(await countRows(app, 'bookings', concert.id)).toBe(0);
    expect(await countRows(app, 'booking_seats', concert.id)).toBe(0);
  });

  it('when the seats belong to different concerts, then it answers 400 and writes nothing', async () => {
    const first = await buildConcert(app);
    const second = await buildConcert(app);
    const [x] = await seatsOf(app, first.id);
    const [y] = await seatsOf(app, second.id);

    const response = await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [x!.id, y!.id] });

    expect(response.status).toBe(400);
    expect(response.body.code).toBe('seats-span-concerts');
    expect(await countRows(app, 'booking_seats', first.id)).toBe(0);
    expect(await countRows(app, 'booking_seats', second.id)).toBe(0);
  });

  it('when the concert has already taken place, then it answers 409 concert-is-over', async () => {
    const concert = await buildConcert(app, { date: '2020-01-01' });
    const [seat] = await seatsOf(app, concert.id);
    const response = await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [seat!.id] });
    expect(response.status).toBe(409);
    expect(response.body.code).toBe('concert-is-over');
  });

  it.each([
    ['a missing name', { userName: '   ' }, 'userName'],
    ['a name with control characters', { userName: 'Ram\u0000' }, 'userName'],
    ['a bad email', { userEmail: 'not-an-email' }, 'userEmail'],
    ['no seats', { seatIds: [] }, 'seatIds'],
    ['duplicate seats', { seatIds: [5, 5] }, 'seatIds'],
    ['more than 10 seats', { seatIds: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11] }, 'seatIds'],
    ['seat ids that are not integers', { seatIds: ['1'] }, 'seatIds.0'],
    ['a negative seat id', { seatIds: [-3] }, 'seatIds.0'],
  ])('when the request has %s, then it answers 400 naming the field', async (_case, change, field) => {
    const body = { userName: 'Hari', userEmail: 'hari@example.com', seatIds: [1], ...change };
    const response = await post(app, '/ticket-bookings/seats', body);
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation-failed');
    expect(response.body.errors.map((e: { path: string }) => e.path)).toContain(field);
  });

  it('when the body is missing, not JSON, or too large, then it answers a problem document', async () => {
    const missing = await request(app, 'POST', '/ticket-bookings/seats');
    expect(missing.status).toBe(400);
    expect(missing.body.code).toBe('validation-failed');

    const malformed = await post(app, '/ticket-bookings/seats', '{"userName": ');
    expect(malformed.status).toBe(400);
    expect(malformed.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(malformed.body.code).toBe('malformed-json');

    const huge = await post(app, '/ticket-bookings/seats', {
      userName: 'x'.repeat(200_000),
      userEmail: 'a@b.co',
      seatIds: [1],
    });
    expect(huge.status).toBe(413);
    expect(huge.body.code).toBe('payload-too-large');
  });

  it('when the same email books twice in different case, then both bookings belong to one customer', async () => {
    const concert = await buildConcert(app);
    const [a, b] = await seatsOf(app, concert.id);
    const email = `Case-${Date.now()}@Example.com`;
    expect(
      (await post(app, '/ticket-bookings/seats', { userName: 'Gita', userEmail: email, seatIds: [a!.id] })).status,
    ).toBe(201);
    expect(
      (
        await post(app, '/ticket-bookings/seats', {
          userName: 'Gita',
          userEmail: email.toLowerCase(),
          seatIds: [b!.id],
        })
      ).status,
    ).toBe(201);
    const owners = await app.database.db.execute<{ n: number }>(
      sql`select count(distinct customer_id)::int as n from bookings where concert_id = ${concert.id}`,
    );
    expect(owners.rows[0]!.n).toBe(1);
  });

  it("when someone books with another buyer's email, then the name on that buyer's bookings stays theirs", async () => {
    const concert = await buildConcert(app);
    const [a, b] = await seatsOf(app, concert.id);
    const email = `owner-${Date.now()}@example.com`;
    const first = await post(app, '/ticket-bookings/seats', {
      userName: 'Gita Rai',
      userEmail: email,
      seatIds: [a!.id],
    });
    expect(first.status).toBe(201);
    const other = await post(app, '/ticket-bookings/seats', {
      userName: 'Someone Else',
      userEmail: email,
      seatIds: [b!.id],
    });
    expect(other.status).toBe(201);
    const names = await app.database.db.execute<{ name: string }>(
      sql`select name from customers where lower(email) = lower(${email})`,
    );
    expect(names.rows.map((row) => row.name)).toEqual(['Gita Rai']);
    const lookup = await get(app, `/bookings/${first.body.reference}?email=${email}`);
    expect(lookup.body.userName).toBe('Gita Rai');
  });
});
