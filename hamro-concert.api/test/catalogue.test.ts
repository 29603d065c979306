import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConcert, buyer, daysFromToday, seatsOf } from './factories.js';
import { type TestApp, get, post, startTestApp } from './harness.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('GET /concerts', () => {
  it('when listing, then each concert carries its details and tiers with live availability', async () => {
    const concert = await buildConcert(app, { date: daysFromToday(1), time: '00:00:01' });
    const response = await get(app, '/concerts?page=1&limit=100');
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ page: 1, limit: 100 });
    const listed = response.body.data.find((c: { id: string }) => c.id === concert.id);
    expect(listed).toEqual({
      id: concert.id,
      title: concert.title,
      artist: concert.artist,
      date: daysFromToday(1),
      time: '00:00:01',
      timeZone: 'Asia/Kathmandu',
      // Kathmandu is 5 h 45 min ahead of UTC all year.
      startsAt: new Date(`${daysFromToday(1)}T00:00:01+05:45`).toISOString(),
      salesOpenAt: null,
      salesCloseAt: null,
      currency: 'NPR',
      venue: 'Test Hall',
      city: 'Kathmandu',
      image: '',
      description: '',
      // Khalti is offered once its key is set; this server has none.
      paymentMethods: ['door', 'esewa'],
      paymentMethodsChosen: ['door', 'esewa', 'khalti'],
      tiers: [
        {
          id: expect.any(Number),
          name: 'VIP',
          price: '100.00',
          total: 20,
          available: 20,
          salesOpenAt: null,
          salesCloseAt: null,
        },
        {
          id: expect.any(Number),
          name: 'Front Row',
          price: '50.00',
          total: 20,
          available: 20,
          salesOpenAt: null,
          salesCloseAt: null,
        },
        {
          id: expect.any(Number),
          name: 'General Admission',
          price: '10.00',
          total: 60,
          available: 60,
          salesOpenAt: null,
          salesCloseAt: null,
        },
      ],
    });
  });

  it('when paging, then pages do not overlap and the totals add up', async () => {
    for (let i = 0; i < 3; i++) await buildConcert(app, { date: daysFromToday(200 + i) });
    const first = await get(app, '/concerts?page=1&limit=2');
    const second = await get(app, '/concerts?page=2&limit=2');
    expect(first.body.total).toBeGreaterThanOrEqual(3);
    expect(first.body.totalPages).toBe(Math.ceil(first.body.total / 2));
    expect(first.body.data).toHaveLength(2);
    const ids = [...first.body.data, ...second.body.data].map((c: { id: string }) => c.id);
    expect(new Set(ids).size).toBe(ids.length);
    const defaults = await get(app, '/concerts');
    expect(defaults.body).toMatchObject({ page: 1, limit: 10 });
  });

  it('when a concert is in the past, then it is not listed but can still be fetched', async () => {
    const past = await buildConcert(app, { date: '2021-05-05' });
    const response = await get(app, '/concerts?limit=100');
    expect(response.body.data.map((c: { id: string }) => c.id)).not.toContain(past.id);
    expect((await get(app, `/concerts/${past.id}`)).status).toBe(200);
  });

  it.each(['page=0', 'page=-1', 'page=abc', 'limit=0', 'limit=101', 'limit=2.5', 'page=1&page=2'])(
    'when the paging is %s, then it answers 400',
    async (query) => {
      const response = await get(app, `/concerts?${query}`);
      expect(response.status).toBe(400);
      expect(response.body.code).toBe('validation-failed');
    },
  );
});

describe('GET /concerts/:id', () => {
  it('when the concert exists, then it returns it with availability after a booking', async () => {
    const concert = await buildConcert(app);
    const [seat] = await seatsOf(app, concert.id);
    await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [seat!.id] });
    const response = await get(app, `/concerts/${concert.id}`);
    expect(response.status).toBe(200);
    const tier = response.body.tiers.find((t: { id: number }) => t.id === seat!.ticketTierId);
    expect(tier.available).toBe(tier.total - 1);
  });

  it('when the id is unknown, then 404; when it is not a uuid, then 400', async () => {
    const missing = await get(app, '/concerts/00000000-0000-4000-8000-000000000000');
    expect(missing.status).toBe(404);
    expect(missing.body.code).toBe('concert-not-found');
    const bad = await get(app, '/concerts/42');
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].path).toBe('id');
  });
});

describe('ticket tiers', () => {
  it('when listing all, then each tier has its concert, type, price and stock', async () => {
    const concert = await buildConcert(app);
    const response = await get(app, '/ticket-tiers/all');
    expect(response.status).toBe(200);
    const mine = response.body.filter((t: { concertId: string }) => t.concertId === concert.id);
    expect(mine).toEqual([
      {
        id: expect.any(Number),
        concertId: concert.id,
        ticketTypeId: 1,
        name: 'VIP',
        price: '100.00',
        total: 20,
        available: 20,
        salesOpenAt: null,
        salesCloseAt: null,
      },
      {
        id: expect.any(Number),
        concertId: concert.id,
        ticketTypeId: 2,
        name: 'Front Row',
        price: '50.00',
        total: 20,
        available: 20,
        salesOpenAt: null,
        salesCloseAt: null,
      },
      {
        id: expect.any(Number),
        concertId: concert.id,
        ticketTypeId: 3,
        name: 'General Admission',
        price: '10.00',
        total: 60,
        available: 60,
        salesOpenAt: null,
        salesCloseAt: null,
      },
    ]);
  });

  it('when paging and fetching one, then the shapes match and errors are 400/404', async () => {
    const concert = await buildConcert(app);
    const page = await get(app, '/ticket-tiers?page=1&limit=2');
    expect(page.status).toBe(200);
    expect(page.body.data).toHaveLength(2);
    expect(page.body.totalPages).toBe(Math.ceil(page.body.total / 2));
    const one = await get(app, `/ticket-tiers/${concert.tiers[0]!.id}`);
    expect(one.body).toMatchObject({ id: concert.tiers[0]!.id, concertId: concert.id, name: concert.tiers[0]!.name });
    expect((await get(app, '/ticket-tiers/999999999')).status).toBe(404);
    expect((await get(app, '/ticket-tiers/abc')).status).toBe(400);
    expect((await get(app, '/ticket-tiers?limit=0')).status).toBe(400);
  });
});
