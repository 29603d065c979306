import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConcert, buyer, daysFromToday, seatsOf } from './factories.js';
import { type TestApp, del, get, post, put, request, startTestApp } from './harness.js';

const ADMIN = 'admin-token-0123456789abcdef';
const STAFF = 'staff-token-0123456789abcdef';
const asAdmin = { authorization: `Bearer ${ADMIN}` };
const asStaff = { authorization: `Bearer ${STAFF}` };

let app: TestApp;
let closed: TestApp;
beforeAll(async () => {
  app = await startTestApp({ tokens: { admin: ADMIN, staff: STAFF } });
  closed = await startTestApp({ tokens: {} });
});
afterAll(async () => {
  await app.close();
  await closed.close();
});

const layout = {
  title: 'Organizer Night',
  artist: 'The Layout Band',
  date: daysFromToday(60),
  time: '18:00:00',
  venue: 'Rastriya Sabha Griha',
  city: 'Kathmandu',
  tiers: [
    { name: 'Front Row', section: 'front', price: '75.00', rows: [{ row: 1, seats: 8 }] },
    {
      name: 'General Admission',
      section: 'ga',
      price: '12.50',
      rows: [
        { row: 1, seats: 5 },
        { row: 2, seats: 6 },
      ],
    },
  ],
};

describe('admin access', () => {
  const protectedRoutes: [string, string, unknown][] = [
    ['POST', '/concerts', layout],
    ['PUT', '/concerts/00000000-0000-4000-8000-000000000000', { title: 'x' }],
    ['PUT', '/concerts', { id: '00000000-0000-4000-8000-000000000000', title: 'x' }],
    ['DELETE', '/concerts/00000000-0000-4000-8000-000000000000', undefined],
  ];

  it.each(protectedRoutes)(
    'when %s %s comes with no token, a wrong one, or a staff one, then 401/403/403',
    async (method, path, body) => {
      const none = await request(app, method, path, body);
      expect(none.status).toBe(401);
      expect(none.body.code).toBe('unauthorized');
      expect(none.headers.get('www-authenticate')).toBe('Bearer');
      const wrong = await request(app, method, path, body, { authorization: 'Bearer not-the-token-at-all' });
      expect(wrong.status).toBe(403);
      expect(wrong.body.code).toBe('forbidden');
      expect(JSON.stringify(wrong.body)).not.toContain(ADMIN);
      expect((await request(app, method, path, body, asStaff)).status).toBe(403);
    },
  );

  it('when the sales report or the door is called without the right token, then 401 or 403', async () => {
    const report = '/admin/concerts/00000000-0000-4000-8000-000000000000/sales';
    expect((await get(app, report)).status).toBe(401);
    expect((await get(app, report, { authorization: 'Bearer not-the-token-at-all' })).status).toBe(403);
    expect((await get(app, report, asStaff)).status).toBe(403);
    const code = { code: '0'.repeat(32), concertId: '00000000-0000-4000-8000-000000000000' };
    expect((await post(app, '/check-in', code)).status).toBe(401);
    expect((await post(app, '/check-in', code, { authorization: 'Bearer not-the-token-at-all' })).status).toBe(403);
    expect((await post(app, '/check-in', code, asStaff)).status).toBe(404);
    expect((await post(app, '/check-in', code, asAdmin)).status).toBe(404);
    expect((await post(closed, '/check-in', code, asStaff)).body.code).toBe('staff-access-disabled');
  });

  it('when the web app checks a token at sign-in, then it hears whether the token opens the door or the organizer routes', async () => {
    const wrong = { authorization: 'Bearer not-the-token-at-all' };
    expect((await get(app, '/access/staff')).status).toBe(401);
    expect((await get(app, '/access/staff', wrong)).body.code).toBe('forbidden');
    expect((await get(app, '/access/staff', asStaff)).status).toBe(204);
    expect((await get(app, '/access/staff', asAdmin)).status).toBe(204);
    expect((await get(app, '/access/admin')).status).toBe(401);
    expect((await get(app, '/access/admin', wrong)).status).toBe(403);
    expect((await get(app, '/access/admin', asStaff)).status).toBe(403);
    expect((await get(app, '/access/admin', asAdmin)).status).toBe(204);
    expect((await get(closed, '/access/admin', asAdmin)).body.code).toBe('admin-access-disabled');
  });

  it('when ADMIN_TOKEN is not set, then admin routes answer 403 and say how to enable them', async () => {
    const response = await post(closed, '/concerts', layout, asAdmin);
    expect(response.status).toBe(403);
    expect(response.body.code).toBe('admin-access-disabled');
    expect(response.body.detail).toContain('ADMIN_TOKEN');
  });
});

describe('concerts with venue layouts', () => {
  it('when an organizer creates a concert with a layout, then it is listed with tiers and seats laid out like the seed', async () => {
    const created = await post(app, '/concerts', layout, asAdmin);

    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      title: 'Organizer Night',
      image: '',
      tiers: [
        { name: 'Front Row', price: '75.00', total: 8, available: 8 },
        { name: 'General Admission', price: '12.50', total: 11, available: 11 },
      ],
    });
    const seats = await seatsOf(app, created.body.id);
    expect(seats.map((s) => `${s.seatNumber}@${s.row}`)).toEqual([
      ...Array.from({ length: 8 }, (_, i) => `F-${i + 1}@1`),
      ...Array.from({ length: 5 }, (_, i) => `G-${i + 1}@1`),
      ...Array.from({ length: 6 }, (_, i) => `G-${i + 6}@2`),
    ]);
    expect((await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [seats[0]!.id] })).body.totalAmount).toBe(
      '75.00',
    );
  });

  it('when only the plain concert fields are sent, then the concert exists with no seats yet', async () => {
    const { tiers: _none, ...plain } = layout;
    const created = await post(app, '/concerts', plain, asAdmin);
    expect(created.status).toBe(201);
    expect(created.body.tiers).toEqual([]);
    expect((await get(app, `/seats/concert/${created.body.id}`)).body.totalSeats).toBe(0);
  });

  it('when a 50,000-seat venue is created, then every seat is there (npm run bench times it)', async () => {
    const rows = (count: number, seats: number) => Array.from({ length: count }, (_, i) => ({ row: i + 1, seats }));
    const created = await post(
      app,
      '/concerts',
      {
        ...layout,
        tiers: [
          { name: 'Front Row', section: 'front', price: '90.00', rows: rows(10, 100) },
          { name: 'VIP', section: 'vip', price: '60.00', rows: rows(40, 100) },
          { name: 'General Admission', section: 'ga', price: '20.00', rows: rows(200, 225) },
        ],
      },
      asAdmin,
    );
    expect(created.status).toBe(201);
    expect(created.body.tiers.reduce((sum: number, t: { total: number }) => sum + t.total, 0)).toBe(50_000);
    expect((await get(app, `/seats/concert/${created.body.id}`)).body.availableSeats).toBe(50_000);
    // The planner already counts them, so bookings keep finding seats by primary key from the first one.
    const { rows: stats } = await app.database.pool.query<{ reltuples: number }>(
      "select reltuples from pg_class where oid = 'seats'::regclass",
    );
    expect(stats[0]!.reltuples).toBeGreaterThanOrEqual(50_000);
  });

  it.each([
    ['two tiers for one section', { tiers: [layout.tiers[0], { ...layout.tiers[0], name: 'Again' }] }],
    [
      'a row twice in a tier',
      {
        tiers: [
          {
            ...layout.tiers[0],
            rows: [
              { row: 1, seats: 2 },
              { row: 1, seats: 3 },
            ],
          },
        ],
      },
    ],
    ['a bad price', { tiers: [{ ...layout.tiers[0], price: '12.5.0' }] }],
    [
      'more than 100,000 seats',
      { tiers: [{ ...layout.tiers[1], rows: Array.from({ length: 101 }, (_, i) => ({ row: i + 1, seats: 1000 })) }] },
    ],
    ['no title', { title: '' }],
  ])('when the layout has %s, then 400', async (_case, change) => {
    const response = await post(app, '/concerts', { ...layout, ...change }, asAdmin);
    expect(response.status).toBe(400);
  });

  it('when an organizer edits details, by path or with the id in the body, then the concert changes', async () => {
    const concert = await buildConcert(app);
    const byPath = await put(app, `/concerts/${concert.id}`, { title: 'Renamed', time: '21:15:00' }, asAdmin);
    expect(byPath.status).toBe(200);
    expect(byPath.body).toMatchObject({ title: 'Renamed', time: '21:15:00', artist: concert.artist });
    const byBody = await put(app, '/concerts', { id: concert.id, venue: 'New Hall' }, asAdmin);
    expect(byBody.body).toMatchObject({ title: 'Renamed', venue: 'New Hall' });
    expect((await put(app, `/concerts/${concert.id}`, {}, asAdmin)).status).toBe(400);
    expect((await put(app, `/concerts/${concert.id}`, { tiers: [] }, asAdmin)).status).toBe(400);
    expect((await put(app, '/concerts/00000000-0000-4000-8000-000000000000', { title: 'x' }, asAdmin)).status).toBe(
      404,
    );
  });

  it('when a concert has active bookings, then it cannot be deleted; once they are cancelled, it can', async () => {
    const concert = await buildConcert(app);
    const [seat] = await seatsOf(app, concert.id);
    const who = buyer();
    const booking = await post(app, '/ticket-bookings/seats', { ...who, seatIds: [seat!.id] });

    const refused = await del(app, `/concerts/${concert.id}`, asAdmin);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('concert-has-bookings');

    await post(app, `/bookings/${booking.body.reference}/cancel`, { email: who.userEmail });
    expect((await del(app, `/concerts/${concert.id}`, asAdmin)).status).toBe(204);
    expect((await get(app, `/concerts/${concert.id}`)).status).toBe(404);
    expect((await del(app, `/concerts/${concert.id}`, asAdmin)).status).toBe(404);
  });
});

describe('tickets and the door', () => {
  it('when a booking is made, then each seat gets a ticket with an unguessable code, shown in the lookup too', async () => {
    const concert = await buildConcert(app, { date: daysFromToday(3) });
    const seats = (await seatsOf(app, concert.id)).slice(0, 2);
    const who = buyer();
    const booking = await post(app, '/ticket-bookings/seats', { ...who, seatIds: seats.map((s) => s.id) });
    expect(booking.body.tickets).toEqual(
      seats.map((seat) => ({
        seatId: seat.id,
        seatNumber: seat.seatNumber,
        code: expect.stringMatching(/^[0-9a-f]{32}$/),
      })),
    );
    expect(new Set(booking.body.tickets.map((t: { code: string }) => t.code)).size).toBe(2);
    const lookup = await get(app, `/bookings/${booking.body.reference}?email=${who.userEmail}`);
    expect(lookup.body.tickets.map((t: { code: string; checkedInAt: null }) => [t.code, t.checkedInAt])).toEqual(
      booking.body.tickets.map((t: { code: string }) => [t.code, null]),
    );
  });

  it('when a ticket is scanned, then it admits once, says when it was first used, and refuses cancelled ones', async () => {
    const concert = await buildConcert(app, { date: daysFromToday(3) });
    const seats = (await seatsOf(app, concert.id)).slice(0, 2);
    const who = buyer({ userName: 'Door Tester' });
    const booking = await post(app, '/ticket-bookings/seats', { ...who, seatIds: seats.map((s) => s.id) });
    const [first, second] = booking.body.tickets as { code: string; seatNumber: string }[];

    const door = { concertId: concert.id };
    expect((await post(app, '/check-in', { ...door, code: first!.code })).status).toBe(401);
    const admitted = await post(app, '/check-in', { ...door, code: first!.code.toUpperCase() }, asStaff);
    expect(admitted.status).toBe(200);
    expect(admitted.body).toMatchObject({
      status: 'admitted',
      seatNumber: first!.seatNumber,
      userName: 'Door Tester',
      concertTitle: concert.title,
    });

    const again = await post(app, '/check-in', { ...door, code: first!.code }, asAdmin);
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'ticket-already-used', firstScanAt: admitted.body.checkedInAt });

    const [spare] = (await seatsOf(app, concert.id)).filter((s) => s.status === 'available');
    const other = await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [spare!.id] });
    await post(app, `/bookings/${other.body.reference}/cancel`, { email: other.body.userEmail });
    const cancelled = await post(app, '/check-in', { ...door, code: other.body.tickets[0].code }, asStaff);
    expect(cancelled.status).toBe(410);
    expect(cancelled.body.code).toBe('ticket-cancelled');
    expect((await post(app, '/check-in', { ...door, code: '0'.repeat(32) }, asStaff)).status).toBe(404);
    expect((await post(app, '/check-in', { ...door, code: 'nope' }, asStaff)).status).toBe(400);
    expect((await post(app, '/check-in', { code: second!.code }, asStaff)).status).toBe(400);
  });

  it('when a ticket of another concert is scanned, then 409 wrong-concert names its concert, and it stays unused', async () => {
    const [here, there] = await Promise.all([
      buildConcert(app, { date: daysFromToday(3) }),
      buildConcert(app, { date: daysFromToday(4) }),
    ]);
    const [seat] = await seatsOf(app, there.id);
    const booking = await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [seat!.id] });
    const code = booking.body.tickets[0].code;

    const wrong = await post(app, '/check-in', { code, concertId: here.id }, asStaff);
    expect(wrong.status).toBe(409);
    expect(wrong.body).toMatchObject({ code: 'wrong-concert', concertId: there.id, concertTitle: there.title });
    const lookup = await get(app, `/bookings/${booking.body.reference}?email=${booking.body.userEmail}`);
    expect(lookup.body.tickets[0].checkedInAt).toBeNull();
    expect((await post(app, '/check-in', { code, concertId: there.id }, asStaff)).status).toBe(200);
  });

  it('when a ticket of a booking has been admitted, then the booking can no longer be cancelled', async () => {
    const concert = await buildConcert(app, { date: daysFromToday(3) });
    const seats = (await seatsOf(app, concert.id)).slice(0, 2);
    const who = buyer();
    const booking = await post(app, '/ticket-bookings/seats', { ...who, seatIds: seats.map((s) => s.id) });
    const admitted = await post(
      app,
      '/check-in',
      { code: booking.body.tickets[0].code, concertId: concert.id },
      asStaff,
    );
    expect(admitted.status).toBe(200);

    const lookup = await get(app, `/bookings/${booking.body.reference}?email=${who.userEmail}`);
    expect(lookup.body.canCancel).toBe(false);
    const cancel = await post(app, `/bookings/${booking.body.reference}/cancel`, { email: who.userEmail });
    expect(cancel.status).toBe(409);
    expect(cancel.body.code).toBe('ticket-already-used');
    const map = await seatsOf(app, concert.id);
    expect(map.filter((s) => seats.some((b) => b.id === s.id)).map((s) => s.status)).toEqual(['booked', 'booked']);
  });

  it('when a check-in and a cancellation race, then one of them wins, never both', async () => {
    const concert = await buildConcert(app, { date: daysFromToday(3) });
    const seats = await seatsOf(app, concert.id);
    const outcomes = new Set<string>();
    for (const seat of seats.slice(0, 24)) {
      const who = buyer();
      const booking = await post(app, '/ticket-bookings/seats', { ...who, seatIds: [seat.id] });
      const code = booking.body.tickets[0].code;
      const [scan, cancel] = await Promise.all([
        post(app, '/check-in', { code, concertId: concert.id }, asStaff),
        post(app, `/bookings/${booking.body.reference}/cancel`, { email: who.userEmail }),
      ]);
      const lookup = await get(app, `/bookings/${booking.body.reference}?email=${who.userEmail}`);
      if (scan.status === 200) {
        expect(cancel.body.code).toBe('ticket-already-used');
        expect(lookup.body.status).toBe('confirmed');
      } else {
        expect([scan.status, scan.body.code, cancel.status]).toEqual([410, 'ticket-cancelled', 200]);
        expect(lookup.body.tickets[0].checkedInAt).toBeNull();
      }
      outcomes.add(scan.status === 200 ? 'admitted' : 'cancelled');
    }
    expect(outcomes.size).toBeGreaterThan(0);
  });

  it('when two scanners read one ticket at the same moment, then it is admitted once', async () => {
    const concert = await buildConcert(app, { date: daysFromToday(3) });
    const [seat] = await seatsOf(app, concert.id);
    const booking = await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [seat!.id] });
    const code = booking.body.tickets[0].code;

    const scans = await Promise.all(
      Array.from({ length: 6 }, () => post(app, '/check-in', { code, concertId: concert.id }, asStaff)),
    );

    expect(scans.map((s) => s.status).sort()).toEqual([200, 409, 409, 409, 409, 409]);
  });
});

describe('sales report', () => {
  it('when prices are high, then money adds up past 2^31 cents, and a price above the stated maximum is 400', async () => {
    const tier = (price: string) => ({ name: 'VIP', section: 'vip', price, rows: [{ row: 1, seats: 5 }] });
    const tooHigh = await post(app, '/concerts', { ...layout, tiers: [tier('10000000.01')] }, asAdmin);
    expect(tooHigh.status).toBe(400);
    expect(JSON.stringify(tooHigh.body)).toContain('a price is at most 10000000.00');
    expect((await post(app, '/concerts', { ...layout, tiers: [tier('999999999999.99')] }, asAdmin)).status).toBe(400);
    const badCurrency = await post(app, '/concerts', { ...layout, currency: 'RUPEES' }, asAdmin);
    expect(badCurrency.status).toBe(400);
    expect((await post(app, '/concerts', { ...layout, currency: 'USD' }, asAdmin)).body.currency).toBe('USD');

    const created = await post(app, '/concerts', { ...layout, tiers: [tier('9000000.00')] }, asAdmin);
    expect(created.status).toBe(201);
    const seats = await seatsOf(app, created.body.id);
    const booking = await post(app, '/ticket-bookings/seats', {
      ...buyer(),
      seatIds: seats.slice(0, 3).map((s) => s.id),
    });
    expect(booking.status).toBe(201);
    // 27,000,000.00 is 2,700,000,000 cents: more than an int4 holds.
    expect(booking.body.totalAmount).toBe('27000000.00');
    const report = await get(app, `/admin/concerts/${created.body.id}/sales`, asAdmin);
    expect(report.body.tiers[0]).toMatchObject({ price: '9000000.00', sold: 3, revenue: '27000000.00' });
    const vip = created.body.tiers[0];
    expect((await put(app, '/ticket-tiers', { id: vip.id, price: '10000000.00' }, asAdmin)).status).toBe(200);
    expect((await put(app, '/ticket-tiers', { id: vip.id, price: '10000000.01' }, asAdmin)).status).toBe(400);
  });

  it('when seats are sold, held and cancelled, then the report counts them per tier with revenue', async () => {
    const concert = await buildConcert(app);
    const seats = await seatsOf(app, concert.id);
    const vip = seats.filter((s) => s.section === 'vip');
    const ga = seats.filter((s) => s.section === 'ga');
    const kept = await post(app, '/ticket-bookings/seats', {
      ...buyer({ userName: 'Kept' }),
      seatIds: [vip[0]!.id, ga[0]!.id],
    });
    const who = buyer({ userName: 'Cancelled' });
    const dropped = await post(app, '/ticket-bookings/seats', { ...who, seatIds: [vip[1]!.id] });
    await post(app, `/bookings/${dropped.body.reference}/cancel`, { email: who.userEmail });
    await post(app, '/holds', { concertId: concert.id, seatIds: [ga[1]!.id, ga[2]!.id] });

    expect((await get(app, `/admin/concerts/${concert.id}/sales`)).status).toBe(401);
    const report = await get(app, `/admin/concerts/${concert.id}/sales`, asAdmin);

    expect(report.status).toBe(200);
    expect(report.body.tiers).toEqual([
      {
        ticketTierId: expect.any(Number),
        name: 'VIP',
        price: '100.00',
        total: 20,
        sold: 1,
        held: 0,
        free: 19,
        revenue: '100.00',
      },
      {
        ticketTierId: expect.any(Number),
        name: 'Front Row',
        price: '50.00',
        total: 20,
        sold: 0,
        held: 0,
        free: 20,
        revenue: '0.00',
      },
      {
        ticketTierId: expect.any(Number),
        name: 'General Admission',
        price: '10.00',
        total: 60,
        sold: 1,
        held: 2,
        free: 57,
        revenue: '10.00',
      },
    ]);
    expect(report.body.totals).toEqual({ sold: 2, held: 2, free: 96, revenue: '110.00' });
    expect(
      report.body.recentBookings.map((b: { reference: string; status: string; seatCount: number }) => [
        b.reference,
        b.status,
        b.seatCount,
      ]),
    ).toEqual([
      [dropped.body.reference, 'cancelled', 1],
      [kept.body.reference, 'confirmed', 2],
    ]);
    expect((await get(app, '/admin/concerts/00000000-0000-4000-8000-000000000000/sales', asAdmin)).status).toBe(404);
  });
});

describe('ticket tiers, protected', () => {
  it.each([
    [
      'POST',
      '/ticket-tiers',
      { concertId: '00000000-0000-4000-8000-000000000000', ticketTypeId: 1, name: 'x', price: '1.00', total: 1 },
    ],
    ['PUT', '/ticket-tiers', { id: 1, name: 'x' }],
    ['DELETE', '/ticket-tiers/1', undefined],
  ])('when %s %s has no token or a wrong one, then 401 / 403', async (method, path, body) => {
    expect((await request(app, method, path, body)).status).toBe(401);
    expect((await request(app, method, path, body, { authorization: 'Bearer wrong-wrong-wrong-wrong' })).status).toBe(
      403,
    );
  });

  it('when a tier is added, then its seats are laid out in rows and can be booked', async () => {
    const { tiers: _none, ...plain } = layout;
    const concert = (await post(app, '/concerts', plain, asAdmin)).body;
    const created = await post(
      app,
      '/ticket-tiers',
      { concertId: concert.id, ticketTypeId: 1, name: 'VIP', price: '80.00', total: 25 },
      asAdmin,
    );
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      concertId: concert.id,
      ticketTypeId: 1,
      name: 'VIP',
      price: '80.00',
      total: 25,
      available: 25,
    });
    const seats = await seatsOf(app, concert.id);
    expect(seats.map((s) => s.row)).toEqual([...Array(10).fill(1), ...Array(10).fill(2), ...Array(5).fill(3)]);
    expect(seats.at(-1)!.seatNumber).toBe('V-25');
    const again = await post(
      app,
      '/ticket-tiers',
      { concertId: concert.id, ticketTypeId: 1, name: 'VIP 2', price: '1.00', total: 1 },
      asAdmin,
    );
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('tier-exists');
  });

  it('when a price changes, then sales already made keep their price', async () => {
    const concert = await buildConcert(app);
    const vip = concert.tiers.find((t) => t.name === 'VIP')!;
    const [seat] = (await seatsOf(app, concert.id)).filter((s) => s.section === 'vip');
    const who = buyer();
    const booking = await post(app, '/ticket-bookings/seats', { ...who, seatIds: [seat!.id] });

    const changed = await put(app, '/ticket-tiers', { id: vip.id, price: '150.00', name: 'VIP Lounge' }, asAdmin);

    expect(changed.body).toMatchObject({ price: '150.00', name: 'VIP Lounge' });
    const details = await get(app, `/bookings/${booking.body.reference}?email=${who.userEmail}`);
    expect(details.body).toMatchObject({ totalAmount: '100.00', seats: [{ price: '100.00' }] });
    const report = await get(app, `/admin/concerts/${concert.id}/sales`, asAdmin);
    expect(report.body.tiers.find((t: { ticketTierId: number }) => t.ticketTierId === vip.id).revenue).toBe('100.00');
  });

  it('when the total changes, then seats are added or unused ones removed, never below the seats in use', async () => {
    const concert = await buildConcert(app);
    const front = concert.tiers.find((t) => t.name === 'Front Row')!;
    const seats = (await seatsOf(app, concert.id)).filter((s) => s.section === 'front');
    await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [seats[17]!.id] });
    const before = (await get(app, `/seats/concert/${concert.id}`)).headers.get('etag');

    const grown = await put(app, '/ticket-tiers', { id: front.id, total: 25 }, asAdmin);
    expect(grown.body).toMatchObject({ total: 25, available: 24 });
    expect((await seatsOf(app, concert.id)).filter((s) => s.section === 'front').at(-1)).toMatchObject({
      seatNumber: 'F-25',
      row: 2,
    });

    const shrunk = await put(app, '/ticket-tiers', { id: front.id, total: 18 }, asAdmin);
    expect(shrunk.body).toMatchObject({ total: 18, available: 17 });
    const left = (await seatsOf(app, concert.id)).filter((s) => s.section === 'front');
    expect(left).toHaveLength(18);
    expect(left.some((s) => s.id === seats[17]!.id && s.status === 'booked')).toBe(true);
    expect((await get(app, `/seats/concert/${concert.id}`)).headers.get('etag')).not.toBe(before);

    const tooFar = await put(app, '/ticket-tiers', { id: front.id, total: 0 }, asAdmin);
    expect(tooFar.status).toBe(409);
    expect(tooFar.body).toMatchObject({ code: 'total-below-sold', lowestTotal: 1 });
    expect((await seatsOf(app, concert.id)).filter((s) => s.section === 'front')).toHaveLength(18);
    expect((await put(app, '/ticket-tiers', { id: 999_999_999, name: 'x' }, asAdmin)).status).toBe(404);
    expect((await put(app, '/ticket-tiers', { id: front.id }, asAdmin)).status).toBe(400);
  });

  it('when a tier shrinks while its last seats are being booked, then no booked seat is removed and nothing fails', async () => {
    for (let round = 0; round < 8; round++) {
      const concert = await buildConcert(app);
      const front = concert.tiers.find((t) => t.name === 'Front Row')!;
      const seats = (await seatsOf(app, concert.id)).filter((s) => s.section === 'front');
      const back = seats.slice(-4);
      const [shrink, ...bookings] = await Promise.all([
        put(app, '/ticket-tiers', { id: front.id, total: seats.length - 4 }, asAdmin),
        ...back.map((seat) => post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [seat.id] })),
      ]);
      expect([200, 409]).toContain(shrink.status);
      const left = (await seatsOf(app, concert.id)).filter((s) => s.section === 'front');
      bookings.forEach((booking, i) => {
        // 404: the shrink removed the seat first.
        expect([201, 404, 409]).toContain(booking.status);
        // A seat booked is still there, booked.
        if (booking.status === 201) expect(left.find((s) => s.id === back[i]!.id)?.status).toBe('booked');
      });
      expect(left).toHaveLength(shrink.status === 200 ? seats.length - 4 : seats.length);
    }
  });

  it('when a tier has sales history it cannot be deleted; an unused one can', async () => {
    const concert = await buildConcert(app);
    const [used, unused] = [
      concert.tiers.find((t) => t.name === 'VIP')!,
      concert.tiers.find((t) => t.name === 'Front Row')!,
    ];
    const [seat] = (await seatsOf(app, concert.id)).filter((s) => s.ticketTierId === used.id);
    await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [seat!.id] });

    const refused = await del(app, `/ticket-tiers/${used.id}`, asAdmin);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('tier-in-use');
    expect((await del(app, `/ticket-tiers/${unused.id}`, asAdmin)).status).toBe(204);
    expect((await get(app, `/ticket-tiers/${unused.id}`)).status).toBe(404);
    expect((await seatsOf(app, concert.id)).some((s) => s.ticketTierId === unused.id)).toBe(false);
  });
});
