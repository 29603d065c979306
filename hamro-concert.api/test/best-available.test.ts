import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseBestSeats, type FreeSeat } from '../src/components/seats/seats.best-available.js';
import { buildConcert, buyer, seatsOf } from './factories.js';
import { type TestApp, post, startTestApp } from './harness.js';
import { expectConsistent } from './invariants.js';

/** A row of seats from a picture: 'o' free, 'x' taken; numbered from 1. */
function row(rowNumber: number, picture: string, firstId = rowNumber * 100): FreeSeat[] {
  return [...picture].flatMap((mark, i) =>
    mark === 'o' ? [{ id: firstId + i + 1, row: rowNumber, number: i + 1 }] : [],
  );
}
const numbers = (seats: FreeSeat[] | undefined) => seats?.map((s) => `${s.row}:${s.number}`);

describe('chooseBestSeats', () => {
  it('keeps a group together in the row nearest the stage, in its middle', () => {
    expect(numbers(chooseBestSeats([...row(1, 'oooooooo'), ...row(2, 'oooooooo')], 2))).toEqual(['1:4', '1:5']);
  });

  it('moves back a row rather than split the group', () => {
    expect(numbers(chooseBestSeats([...row(1, 'ooxoxoox'), ...row(2, 'oooooooo')], 3))).toEqual(['2:3', '2:4', '2:5']);
  });

  it('never strands a single free seat when another choice exists', () => {
    // Row 1 has a run of 3: taking 2 of it would strand one. Row 2 has a run of exactly 2.
    expect(numbers(chooseBestSeats([...row(1, 'xoooxxxx'), ...row(2, 'xxxooxxx')], 2))).toEqual(['2:4', '2:5']);
    // A run of 4 taking 2 from its end leaves 2 together, not 1 + 1.
    expect(numbers(chooseBestSeats(row(1, 'xoooox'), 2))).toEqual(['1:2', '1:3']);
  });

  it('strands a seat only when nothing else is possible', () => {
    expect(numbers(chooseBestSeats(row(1, 'ooo'), 2))).toEqual(['1:1', '1:2']);
  });

  it('splits across the nearest rows when no row has enough seats side by side', () => {
    expect(numbers(chooseBestSeats([...row(1, 'oxo'), ...row(2, 'xox')], 3))).toEqual(['1:1', '1:3', '2:2']);
  });

  it('gives up when the tier has too few free seats', () => {
    expect(chooseBestSeats(row(1, 'oxo'), 3)).toBeUndefined();
  });
});

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ poolSize: 20 });
});
afterAll(() => app.close());

describe('POST /ticket-bookings/best-available and /holds/best-available', () => {
  it('when a buyer asks for 3 VIP seats, then they get 3 side by side in the front VIP row, like a seat booking', async () => {
    const concert = await buildConcert(app);
    const vip = concert.tiers.find((t) => t.name === 'VIP')!;

    const response = await post(app, '/ticket-bookings/best-available', {
      concertId: concert.id,
      ticketTierId: vip.id,
      quantity: 3,
      ...buyer(),
    });

    expect(response.status).toBe(201);
    expect(response.body.seatIds).toHaveLength(3);
    expect(response.body.ticketData[0]).toMatchObject({ ticketTierId: vip.id, quantity: 3, totalAmount: '300.00' });
    expect(response.body.tickets).toHaveLength(3);
    const seats = (await seatsOf(app, concert.id)).filter((s) => response.body.seatIds.includes(s.id));
    expect(seats.every((s) => s.row === 1 && s.status === 'booked')).toBe(true);
    expect(response.body.ticketData[0].seatNumbers).toEqual(['V-4', 'V-5', 'V-6']);
  });

  it('when the tier cannot supply the quantity, or the tier is wrong, then 409 / 404 / 400', async () => {
    const concert = await buildConcert(app);
    const other = await buildConcert(app);
    const front = concert.tiers.find((t) => t.name === 'Front Row')!;
    const ask = (body: object) =>
      post(app, '/ticket-bookings/best-available', { concertId: concert.id, quantity: 2, ...buyer(), ...body });
    for (let i = 0; i < 2; i++) expect((await ask({ ticketTierId: front.id, quantity: 10 })).status).toBe(201);
    const none = await ask({ ticketTierId: front.id });
    expect(none.status).toBe(409);
    expect(none.body).toMatchObject({ code: 'not-enough-seats', available: 0 });
    expect((await ask({ ticketTierId: 999_999_999 })).body.code).toBe('ticket-tier-not-found');
    expect((await ask({ ticketTierId: other.tiers[0]!.id })).body.code).toBe('tier-not-in-concert');
    expect((await ask({ ticketTierId: front.id, quantity: 11 })).status).toBe(400);
  });

  it('when a buyer holds best available, then the seats are held for them and a booking with the token confirms them', async () => {
    const concert = await buildConcert(app);
    const ga = concert.tiers.find((t) => t.name === 'General Admission')!;
    const held = await post(app, '/holds/best-available', { concertId: concert.id, ticketTierId: ga.id, quantity: 4 });
    expect(held.status).toBe(201);
    expect(held.body.seatIds).toHaveLength(4);
    const booked = await post(app, '/ticket-bookings/seats', {
      ...buyer(),
      seatIds: held.body.seatIds,
      holdToken: held.body.holdToken,
    });
    expect(booked.status).toBe(201);
    expect(booked.body.holdOutcome).toBe('confirmed-hold');
  });

  it('when 100 buyers ask for best available seats of one tier at once, then every request is answered and no seat is sold twice', async () => {
    const concert = await buildConcert(app);
    const ga = concert.tiers.find((t) => t.name === 'General Admission')!;

    const started = Date.now();
    const responses = await Promise.all(
      Array.from({ length: 100 }, (_, i) =>
        post(app, '/ticket-bookings/best-available', {
          concertId: concert.id,
          ticketTierId: ga.id,
          quantity: 1 + (i % 2),
          ...buyer(),
        }),
      ),
    );
    const elapsed = Date.now() - started;

    const statuses = responses.map((r) => r.status);
    expect(
      statuses.every((s) => s === 201 || s === 409),
      statuses.join(),
    ).toBe(true);
    const sold = responses.filter((r) => r.status === 201).flatMap((r) => r.body.seatIds as number[]);
    expect(new Set(sold).size).toBe(sold.length);
    // 60 GA seats, asked for 150: the tier sells out, or leaves at most one seat that a pair could not use.
    expect(sold.length).toBeGreaterThanOrEqual(59);
    for (const refused of responses.filter((r) => r.status === 409)) expect(refused.body.code).toBe('not-enough-seats');
    await expectConsistent(app, concert.id);
    console.log(`100 parallel best-available buyers answered in ${elapsed} ms (${sold.length} seats sold)`);
  });
});
