import { get as httpGet } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConcert, buyer } from './factories.js';
import { type TestApp, get, post, startTestApp } from './harness.js';

/** A stadium-sized concert: 20,000 seats in rows of 100, above the hall size whose map reads wait for the feed. */
const STADIUM = [
  {
    name: 'General Admission',
    section: 'ga' as const,
    price: '15.00',
    rows: Array.from({ length: 200 }, (_, i) => ({ row: i + 1, seats: 100 })),
  },
];

let app: TestApp;
let other: TestApp;
beforeAll(async () => {
  // The other instance's feed reads slowly, so only a read that catches up can show what was written here.
  [app, other] = await Promise.all([
    startTestApp({ trustProxyHops: 1 }),
    startTestApp({ trustProxyHops: 1, feedPollMs: 5_000 }),
  ]);
});
afterAll(() => Promise.all([app.close(), other.close()]));

interface MapAnswer {
  status: number;
  etag: string | null;
  encoding: string | undefined;
  map: { seats: { id: number; status: string }[]; bookedSeats: number; version: string };
}

const WRITER = '10.1.2.3';
const READER = '10.4.5.6';
const from = (address: string) => ({ 'x-forwarded-for': address });

/** A map read as a browser reads it, from a client address: br or gzip, decoded here (fetch would hide which). */
function readMap(target: TestApp, concertId: string, address: string, query = ''): Promise<MapAnswer> {
  return new Promise((resolve, reject) => {
    const url = `${target.baseUrl}/seats/concert/${concertId}${query}`;
    const headers = { 'accept-encoding': 'gzip, deflate, br', ...from(address) };
    httpGet(url, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (chunk: Buffer) => chunks.push(chunk));
      res.on('end', () => {
        const bytes = Buffer.concat(chunks);
        const encoding = res.headers['content-encoding'];
        const plain = encoding === 'br' ? brotliDecompressSync(bytes) : encoding === 'gzip' ? gunzipSync(bytes) : bytes;
        resolve({
          status: res.statusCode!,
          etag: res.headers.etag ?? null,
          encoding,
          map: JSON.parse(plain.toString()),
        });
      });
    }).on('error', reject);
  });
}

describe('a stadium map shows a client the writes it made', () => {
  it('when a buyer books and at once reads the map of a 20,000-seat concert, then it shows the seat booked, 100 times of 100', async () => {
    const concert = await buildConcert(app, { tiers: STADIUM });
    const { map: first } = await readMap(app, concert.id, READER);
    expect(first.seats).toHaveLength(20_000);
    const seatIds = first.seats.filter((_, i) => i % 197 === 0).map((seat) => seat.id);
    expect(seatIds.length).toBeGreaterThanOrEqual(100);
    let shown = 0;
    for (const seatId of seatIds.slice(0, 100)) {
      const booking = await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [seatId] }, from(WRITER));
      expect(booking.status).toBe(201);
      // Others meanwhile read the map too, so snapshots are being made.
      await readMap(app, concert.id, READER);
      const { map, etag } = await readMap(app, concert.id, WRITER);
      if (map.seats.find((seat) => seat.id === seatId)?.status === 'booked') shown++;
      expect(etag).toContain(map.version);
      expect(booking.headers.get('seat-map-version')).toBe(map.version);
    }
    expect(shown).toBe(100);

    // Another client is served the brotli snapshot, at most a second behind: after a second it has every booking.
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    await readMap(app, concert.id, READER);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const later = await readMap(app, concert.id, READER);
    expect(later.encoding).toBe('br');
    expect(later.map.bookedSeats).toBe(100);
    for (const seatId of seatIds.slice(0, 100))
      expect(later.map.seats.find((seat) => seat.id === seatId)?.status).toBe('booked');
  });

  it('when a hold is taken and released, then the very next map read shows each', async () => {
    const concert = await buildConcert(app, { tiers: STADIUM });
    const seatId = (await readMap(app, concert.id, WRITER)).map.seats[5_000]!.id;
    const hold = await post(app, '/holds', { concertId: concert.id, seatIds: [seatId] }, from(WRITER));
    expect(hold.status).toBe(201);
    const held = await readMap(app, concert.id, WRITER);
    expect(held.map.seats.find((seat) => seat.id === seatId)?.status).toBe('held');
    const released = await fetch(`${app.baseUrl}/holds/${hold.body.holdToken}`, {
      method: 'DELETE',
      headers: from(WRITER),
    });
    expect(released.status).toBe(204);
    expect(released.headers.get('seat-map-version')).not.toBe(held.map.version);
    const free = await readMap(app, concert.id, WRITER);
    expect(free.map.seats.find((seat) => seat.id === seatId)?.status).toBe('available');
  });

  it('when a buyer books through one instance and reads through another with the version it was given, then that map shows the booking', async () => {
    const concert = await buildConcert(app, { tiers: STADIUM });
    const seats = (await readMap(app, concert.id, WRITER)).map.seats;
    await readMap(other, concert.id, WRITER);
    for (const seat of seats.slice(100, 105)) {
      const booking = await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [seat.id] }, from(WRITER));
      expect(booking.status).toBe(201);
      const version = booking.headers.get('seat-map-version')!;
      const elsewhere = await readMap(other, concert.id, WRITER, `?minVersion=${encodeURIComponent(version)}`);
      expect(elsewhere.map.seats.find((s) => s.id === seat.id)?.status).toBe('booked');
    }
    // The version of a map read here also serves: a map at least that new, wherever it is read.
    const here = await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [seats[200]!.id] }, from(WRITER));
    expect(here.status).toBe(201);
    const { map } = await readMap(app, concert.id, WRITER);
    const there = await readMap(other, concert.id, READER, `?minVersion=${map.version}`);
    expect(there.map.bookedSeats).toBeGreaterThanOrEqual(map.bookedSeats);
    expect(there.map.seats.find((s) => s.id === seats[200]!.id)?.status).toBe('booked');
  });

  it('when the map has not changed, then its ETag answers 304; a malformed minVersion is a 400', async () => {
    const concert = await buildConcert(app, { tiers: STADIUM });
    const { etag } = await readMap(app, concert.id, READER);
    const again = await get(app, `/seats/concert/${concert.id}`, { 'if-none-match': etag!, ...from(READER) });
    expect(again.status).toBe(304);
    const bad = await get(app, `/seats/concert/${concert.id}?minVersion=${encodeURIComponent('<script>')}`);
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('validation-failed');
  });
});
