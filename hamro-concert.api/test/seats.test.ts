import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConcert, buyer, seatsOf } from './factories.js';
import { type TestApp, get, post, startTestApp } from './harness.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

describe('GET /seats/concert/:concertId', () => {
  it('when a concert has the demo layout, then the map lists its seats by section and row with labels', async () => {
    const concert = await buildConcert(app);
    const response = await get(app, `/seats/concert/${concert.id}`);
    expect(response.status).toBe(200);
    expect(response.body).toMatchObject({ totalSeats: 100, availableSeats: 100, bookedSeats: 0, heldSeats: 0 });
    const seats = response.body.seats as {
      section: string;
      row: number;
      seatNumber: string;
      concertId: string;
      isBooked: boolean;
      id: number;
      ticketTierId: number;
    }[];
    expect(seats.map((s) => s.section)).toEqual([
      ...Array(20).fill('front'),
      ...Array(20).fill('vip'),
      ...Array(60).fill('ga'),
    ]);
    expect(seats[0]).toEqual({
      id: expect.any(Number),
      concertId: concert.id,
      ticketTierId: concert.tiers.find((t) => t.name === 'Front Row')!.id,
      seatNumber: 'F-1',
      row: 1,
      section: 'front',
      isBooked: false,
      status: 'available',
    });
    const vip = seats.filter((s) => s.section === 'vip');
    expect(vip.map((s) => s.row)).toEqual([...Array(10).fill(1), ...Array(10).fill(2)]);
    expect(vip[11]!.seatNumber).toBe('V-12');
    const ga = seats.filter((s) => s.section === 'ga');
    expect(ga.find((s) => s.seatNumber === 'G-41')!.row).toBe(4);
    expect(Math.max(...ga.map((s) => s.row))).toBe(5);
  });

  it('when a seat is booked, then the map, the counts and the free list change at once', async () => {
    const concert = await buildConcert(app);
    const [first, second] = await seatsOf(app, concert.id);
    const before = await get(app, `/seats/concert/${concert.id}`);
    await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [second!.id] });

    const after = await get(app, `/seats/concert/${concert.id}`);
    expect(after.body).toMatchObject({ totalSeats: 100, availableSeats: 99, bookedSeats: 1 });
    expect(after.body.seats.find((s: { id: number }) => s.id === second!.id)).toMatchObject({
      isBooked: true,
      status: 'booked',
    });
    expect(after.headers.get('etag')).not.toBe(before.headers.get('etag'));

    const free = await get(app, `/seats/concert/${concert.id}/available`);
    expect(free.status).toBe(200);
    expect(free.body).toHaveLength(99);
    expect(free.body.map((s: { id: number }) => s.id)).toContain(first!.id);
    expect(free.body.map((s: { id: number }) => s.id)).not.toContain(second!.id);
  });

  it('when the client sends the ETag back, then it gets 304 until a seat changes hands', async () => {
    const concert = await buildConcert(app);
    const first = await get(app, `/seats/concert/${concert.id}`);
    const etag = first.headers.get('etag')!;
    expect(etag).toBeTruthy();
    const again = await get(app, `/seats/concert/${concert.id}`, { 'if-none-match': etag });
    expect(again.status).toBe(304);
    const [seat] = first.body.seats;
    await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [seat.id] });
    const changed = await get(app, `/seats/concert/${concert.id}`, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.body.bookedSeats).toBe(1);
  });

  it('when the client accepts gzip, then the map travels compressed and decodes to the same JSON', async () => {
    const concert = await buildConcert(app);
    const plain = await get(app, `/seats/concert/${concert.id}`);
    const raw = await new Promise<{ encoding: string | undefined; body: Buffer }>((resolve, reject) => {
      import('node:http').then(({ get: httpGet }) => {
        httpGet(`${app.baseUrl}/seats/concert/${concert.id}`, { headers: { 'accept-encoding': 'gzip' } }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () => resolve({ encoding: res.headers['content-encoding'], body: Buffer.concat(chunks) }));
        }).on('error', reject);
      }, reject);
    });
    expect(raw.encoding).toBe('gzip');
    expect(JSON.parse(gunzipSync(raw.body).toString())).toEqual(plain.body);
  });

  it('when the concert is unknown, then 404; when the id is not a uuid, then 400', async () => {
    for (const path of [
      '/seats/concert/00000000-0000-4000-8000-000000000000',
      '/seats/concert/00000000-0000-4000-8000-000000000000/available',
    ]) {
      const response = await get(app, path);
      expect(response.status).toBe(404);
      expect(response.body.code).toBe('concert-not-found');
    }
    expect((await get(app, '/seats/concert/nope')).status).toBe(400);
    expect((await get(app, '/seats/concert/nope/available')).status).toBe(400);
  });

  it('when a concert has no seats yet, then the map is empty rather than missing', async () => {
    const concert = await buildConcert(app, { tiers: [] });
    const response = await get(app, `/seats/concert/${concert.id}`);
    expect(response.body).toEqual({
      seats: [],
      totalSeats: 0,
      availableSeats: 0,
      bookedSeats: 0,
      heldSeats: 0,
      version: expect.any(String),
    });
    expect((await get(app, `/seats/concert/${concert.id}/available`)).body).toEqual([]);
  });
});
