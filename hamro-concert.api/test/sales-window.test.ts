import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConcert, buyer, seatsOf } from './factories.js';
import { type TestApp, eventually, post, request, startTestApp } from './harness.js';

const ADMIN = 'sales-window-admin-token';
const asAdmin = { authorization: `Bearer ${ADMIN}` };

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ tokens: { admin: ADMIN } });
});
afterAll(() => app.close());

const inSeconds = (seconds: number) => new Date(Date.now() + seconds * 1000).toISOString();

/**
 * Every way to take seats: a booking of the concert's first seat, a hold of its second (from the map:
 * seat ids are not consecutive while other tests create concerts), and both of them best available.
 */
async function attempts(concertId: string, tierId: number) {
  const [first, second] = await seatsOf(app, concertId);
  return Promise.all([
    post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [first!.id] }),
    post(app, '/holds', { concertId, seatIds: [second!.id] }),
    post(app, '/ticket-bookings/best-available', { ...buyer(), concertId, ticketTierId: tierId, quantity: 1 }),
    post(app, '/holds/best-available', { concertId, ticketTierId: tierId, quantity: 1 }),
  ]);
}

describe('a sales window', () => {
  it('when sales open in a moment, then every way to take seats answers 409 sales-not-open until the minute, and sells from then on', async () => {
    const concert = await buildConcert(app, { salesOpenAt: inSeconds(3) });
    expect(Date.parse(concert.salesOpenAt!)).toBeGreaterThan(Date.now());
    const early = await attempts(concert.id, concert.tiers[0]!.id);
    expect(early.map((r) => [r.status, r.body.code])).toEqual(Array(4).fill([409, 'sales-not-open']));

    await eventually(async () => Date.now() > Date.parse(concert.salesOpenAt!) + 50, 5_000);
    const open = await attempts(concert.id, concert.tiers[0]!.id);
    expect(open.map((r) => r.status)).toEqual([201, 201, 201, 201]);
  });

  it('when sales have closed, then every way to take seats answers 409 sales-closed', async () => {
    const closed = await buildConcert(app, { salesOpenAt: inSeconds(-120), salesCloseAt: inSeconds(-60) });
    const answers = await attempts(closed.id, closed.tiers[0]!.id);
    expect(answers.map((r) => [r.status, r.body.code])).toEqual(Array(4).fill([409, 'sales-closed']));
  });

  it("when a tier has a presale window of its own, then that tier sells while the concert's other tiers wait", async () => {
    const concert = await buildConcert(app, { salesOpenAt: inSeconds(3600) });
    const [vip, front] = concert.tiers;
    const changed = await request(app, 'PUT', '/ticket-tiers', { id: vip!.id, salesOpenAt: inSeconds(-60) }, asAdmin);
    expect(changed.status).toBe(200);
    expect(changed.body.salesOpenAt).not.toBeNull();
    const seats = await seatsOf(app, concert.id);
    const [vipSeat, otherVipSeat] = seats.filter((seat) => seat.ticketTierId === vip!.id);
    const frontSeat = seats.find((seat) => seat.ticketTierId === front!.id)!;
    expect((await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [vipSeat!.id] })).status).toBe(201);
    const waiting = await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [frontSeat.id] });
    expect([waiting.status, waiting.body.code]).toEqual([409, 'sales-not-open']);
    // A booking across both tiers is refused as a whole: the front seat stays free and the VIP one too.
    // (Another VIP seat from the map: seat ids are not consecutive while other tests create concerts.)
    const mixed = await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [otherVipSeat!.id, frontSeat.id] });
    expect([mixed.status, mixed.body.code]).toEqual([409, 'sales-not-open']);
    const { rows } = await app.database.pool.query<{ booked: string }>(
      'select count(*) as booked from seats where id = any($1) and booking_id is not null',
      [[otherVipSeat!.id, frontSeat.id]],
    );
    expect(Number(rows[0]!.booked)).toBe(0);
  });

  it('when the organizer moves the opening, then the change applies to the next attempt', async () => {
    const concert = await buildConcert(app, { salesOpenAt: inSeconds(3600) });
    const [seat] = await seatsOf(app, concert.id);
    expect((await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [seat!.id] })).body.code).toBe(
      'sales-not-open',
    );
    const moved = await request(app, 'PUT', `/concerts/${concert.id}`, { salesOpenAt: null }, asAdmin);
    expect([moved.status, moved.body.salesOpenAt]).toEqual([200, null]);
    expect((await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [seat!.id] })).status).toBe(201);
  });

  it('when a window would end before it opens, then 400 validation-failed and nothing changes', async () => {
    const concert = await buildConcert(app, { salesOpenAt: inSeconds(3600) });
    const bad = await request(app, 'PUT', `/concerts/${concert.id}`, { salesCloseAt: inSeconds(60) }, asAdmin);
    expect([bad.status, bad.body.code]).toEqual([400, 'validation-failed']);
    const tier = concert.tiers[0]!;
    const badTier = await request(
      app,
      'PUT',
      '/ticket-tiers',
      { id: tier.id, salesOpenAt: inSeconds(120), salesCloseAt: inSeconds(60) },
      asAdmin,
    );
    expect([badTier.status, badTier.body.code]).toEqual([400, 'validation-failed']);
    const created = await request(
      app,
      'POST',
      '/concerts',
      {
        title: 'T',
        artist: 'A',
        date: '2030-01-01',
        time: '19:00:00',
        venue: 'V',
        city: 'C',
        salesOpenAt: '2029-12-01T10:00:00+05:45',
        salesCloseAt: '2029-11-01T10:00:00+05:45',
      },
      asAdmin,
    );
    expect([created.status, created.body.code]).toEqual([400, 'validation-failed']);
  });
});
