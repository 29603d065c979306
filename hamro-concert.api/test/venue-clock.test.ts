import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { wallClockAt } from 'hamro-concert.contracts';
import { buildConcert, buyer, seatsOf } from './factories.js';
import { type TestApp, get, post, request, startTestApp } from './harness.js';

const ADMIN = 'venue-clock-admin-token';
const asAdmin = { authorization: `Bearer ${ADMIN}` };

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ cancelClosesHours: 2, tokens: { admin: ADMIN } });
});
afterAll(() => app.close());

/** The venue's wall clock `minutes` from now: the date and time a concert starting then is given. */
const wallClock = (timeZone: string, minutes: number) => wallClockAt(Date.now() + minutes * 60_000, timeZone);

async function concertStarting(timeZone: string, minutes: number, extra: { salesCloseAt?: string } = {}) {
  return buildConcert(app, { ...wallClock(timeZone, minutes), timeZone, ...extra });
}

async function tryBooking(concertId: string) {
  const [seat] = await seatsOf(app, concertId);
  return post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [seat!.id] });
}

async function tryHold(concertId: string) {
  const seats = await seatsOf(app, concertId);
  return post(app, '/holds', { concertId, seatIds: [seats.at(-1)!.id] });
}

describe.each(['Asia/Kathmandu', 'America/New_York'])('sales on the venue clock of %s', (timeZone) => {
  it('when the concert starts in two minutes, then its seats can still be booked and held', async () => {
    const concert = await concertStarting(timeZone, 2);
    expect(concert.timeZone).toBe(timeZone);
    expect(Math.abs(Date.parse(concert.startsAt) - (Date.now() + 120_000))).toBeLessThan(5_000);
    expect((await tryBooking(concert.id)).status).toBe(201);
    expect((await tryHold(concert.id)).status).toBe(201);
  });

  it('when the concert started two minutes ago, then booking and holding answer 409 concert-is-over', async () => {
    const concert = await concertStarting(timeZone, -2);
    const booking = await tryBooking(concert.id);
    expect([booking.status, booking.body.code]).toEqual([409, 'concert-is-over']);
    const hold = await tryHold(concert.id);
    expect([hold.status, hold.body.code]).toEqual([409, 'concert-is-over']);
    const best = await post(app, '/ticket-bookings/best-available', {
      ...buyer(),
      concertId: concert.id,
      ticketTierId: concert.tiers[0]!.id,
      quantity: 1,
    });
    expect([best.status, best.body.code]).toEqual([409, 'concert-is-over']);
  });
});

describe('an organizer-set end of sales', () => {
  it('when salesCloseAt has passed, then 409 even days before the start; until then, sales go on', async () => {
    const closed = await concertStarting('Asia/Kathmandu', 7 * 24 * 60, {
      salesCloseAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect((await tryBooking(closed.id)).body.code).toBe('sales-closed');
    const open = await concertStarting('Asia/Kathmandu', 7 * 24 * 60, {
      salesCloseAt: new Date(Date.now() + 60_000).toISOString(),
    });
    expect(open.salesCloseAt).not.toBeNull();
    expect((await tryBooking(open.id)).status).toBe(201);
  });

  it('when the time zone or the end of sales is not valid, then 400', async () => {
    const body = { title: 'T', artist: 'A', date: '2030-01-01', time: '19:00:00', venue: 'V', city: 'C' };
    const zone = await request(app, 'POST', '/concerts', { ...body, timeZone: 'Mars/Olympus_Mons' }, asAdmin);
    expect([zone.status, zone.body.code]).toEqual([400, 'validation-failed']);
    const close = await request(app, 'POST', '/concerts', { ...body, salesCloseAt: 'tomorrow' }, asAdmin);
    expect(close.status).toBe(400);
  });
});

describe('cancelling on the venue clock (CANCEL_CLOSES_HOURS_BEFORE = 2 here)', () => {
  it('when the concert starts in three hours, then a booking can be cancelled; within two hours, 409 cancellation-closed', async () => {
    const later = await concertStarting('Asia/Kathmandu', 180);
    const kept = await tryBooking(later.id);
    const cancelled = await post(app, `/bookings/${kept.body.reference}/cancel`, { email: kept.body.userEmail });
    expect(cancelled.status).toBe(200);

    const soon = await concertStarting('Asia/Kathmandu', 100);
    const booking = await tryBooking(soon.id);
    expect(booking.status).toBe(201);
    const lookup = await get(app, `/bookings/${booking.body.reference}?email=${booking.body.userEmail}`);
    expect(lookup.body.canCancel).toBe(false);
    const refused = await post(app, `/bookings/${booking.body.reference}/cancel`, { email: booking.body.userEmail });
    expect(refused.status).toBe(409);
    expect(refused.body).toMatchObject({ code: 'cancellation-closed', hoursBefore: 2 });
  });

  it('when the concert has started on its venue clock, then cancelling answers 409 concert-already-started', async () => {
    const concert = await concertStarting('Asia/Kathmandu', 180);
    const booking = await tryBooking(concert.id);
    // The organizer moves the start to two minutes ago, Kathmandu time.
    const moved = await request(app, 'PUT', `/concerts/${concert.id}`, wallClock('Asia/Kathmandu', -2), asAdmin);
    expect(moved.status).toBe(200);
    const refused = await post(app, `/bookings/${booking.body.reference}/cancel`, { email: booking.body.userEmail });
    expect([refused.status, refused.body.code]).toEqual([409, 'concert-already-started']);
  });
});
