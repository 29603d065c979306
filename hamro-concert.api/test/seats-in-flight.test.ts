import { describe, expect, it } from 'vitest';
import { SeatClaimsInFlight, seatsTakenBy, type SeatClaim } from '../src/components/seats/seats.in-flight.js';

/** A booking attempt the test finishes by hand. */
function pendingAttempt<T>() {
  let resolve!: (value: T) => void;
  let reject!: (error: Error) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

const booked = (...ids: number[]): SeatClaim => ({
  kind: 'booked',
  concertId: 'c1',
  seats: ids.map((id) => ({ id, label: `G-${id}` })),
});
const taken = (result: SeatClaim | undefined) => result;

describe('SeatClaimsInFlight', () => {
  it('when a booking or hold of seats is in flight, then a request for any of those seats is covered, and one reaching beyond them is not', () => {
    const inFlight = new SeatClaimsInFlight();
    void inFlight.track([1, 2, 3], pendingAttempt<SeatClaim>().promise, taken);

    expect(inFlight.covering([2])).toBeDefined();
    expect(inFlight.covering([1, 3])).toBeDefined();
    expect(inFlight.covering([3, 4])).toBeUndefined();
    expect(inFlight.covering([7])).toBeUndefined();
  });

  it('when the booking goes through, then a waiter learns the seats it took, and the caller gets its result', async () => {
    const inFlight = new SeatClaimsInFlight();
    const attempt = pendingAttempt<SeatClaim>();
    const booking = inFlight.track([1, 2], attempt.promise, taken);
    const waiter = inFlight.covering([2]);

    attempt.resolve(booked(1, 2));

    await expect(waiter).resolves.toEqual(booked(1, 2));
    await expect(booking).resolves.toEqual(booked(1, 2));
    expect(inFlight.size).toBe(0);
  });

  it('when the booking is refused or fails, then a waiter learns nothing was taken and the caller gets the error', async () => {
    const inFlight = new SeatClaimsInFlight();
    const refused = pendingAttempt<SeatClaim | undefined>();
    const failed = pendingAttempt<SeatClaim>();
    void inFlight.track([1], refused.promise, taken);
    const failing = inFlight.track([2], failed.promise, taken);
    const waiters = [inFlight.covering([1]), inFlight.covering([2])];

    refused.resolve(undefined);
    failed.reject(new Error('lock timeout'));

    await expect(Promise.all(waiters)).resolves.toEqual([undefined, undefined]);
    await expect(failing).rejects.toThrow('lock timeout');
    expect(inFlight.size).toBe(0);
  });

  it('when a newer booking of a seat starts before an older one ends, then the older one ending leaves the newer one in place', async () => {
    const inFlight = new SeatClaimsInFlight();
    const older = pendingAttempt<SeatClaim | undefined>();
    const newer = pendingAttempt<SeatClaim | undefined>();
    const olderDone = inFlight.track([5], older.promise, taken);
    void inFlight.track([5, 6], newer.promise, taken);

    older.resolve(undefined);
    await olderDone;

    const waiter = inFlight.covering([5, 6]);
    expect(waiter).toBeDefined();
    newer.resolve(booked(5, 6));
    await expect(waiter).resolves.toEqual(booked(5, 6));
  });

  it('when a claim went through, then the requested seats come out booked or held as it left them', () => {
    const held: SeatClaim = {
      kind: 'held',
      concertId: 'c1',
      seats: [
        { id: 3, label: 'V-3' },
        { id: 4, label: 'V-4' },
      ],
    };

    expect(seatsTakenBy(held, [4])).toEqual([{ id: 4, label: 'V-4', booked: false, held: true }]);
    expect(seatsTakenBy(booked(1, 2), [1, 2])).toEqual([
      { id: 1, label: 'G-1', booked: true, held: false },
      { id: 2, label: 'G-2', booked: true, held: false },
    ]);
  });
});
