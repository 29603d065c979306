import { describe, expect, it } from 'vitest';
import { InFlightBookings, type TakenSeat } from '../src/components/bookings/bookings.in-flight.js';

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

const seats = (...ids: number[]): TakenSeat[] => ids.map((id) => ({ id, label: `G-${id}` }));
const taken = (result: TakenSeat[] | undefined) => result;

describe('InFlightBookings', () => {
  it('when a booking of seats is in flight, then a request for any of those seats is covered, and one reaching beyond them is not', () => {
    const inFlight = new InFlightBookings();
    void inFlight.track([1, 2, 3], pendingAttempt<TakenSeat[]>().promise, taken);

    expect(inFlight.covering([2])).toBeDefined();
    expect(inFlight.covering([1, 3])).toBeDefined();
    expect(inFlight.covering([3, 4])).toBeUndefined();
    expect(inFlight.covering([7])).toBeUndefined();
  });

  it('when the booking goes through, then a waiter learns the seats it took, and the caller gets its result', async () => {
    const inFlight = new InFlightBookings();
    const attempt = pendingAttempt<TakenSeat[]>();
    const booking = inFlight.track([1, 2], attempt.promise, taken);
    const waiter = inFlight.covering([2]);

    attempt.resolve(seats(1, 2));

    await expect(waiter).resolves.toEqual(seats(1, 2));
    await expect(booking).resolves.toEqual(seats(1, 2));
    expect(inFlight.size).toBe(0);
  });

  it('when the booking is refused or fails, then a waiter learns nothing was taken and the caller gets the error', async () => {
    const inFlight = new InFlightBookings();
    const refused = pendingAttempt<TakenSeat[] | undefined>();
    const failed = pendingAttempt<TakenSeat[]>();
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
    const inFlight = new InFlightBookings();
    const older = pendingAttempt<TakenSeat[] | undefined>();
    const newer = pendingAttempt<TakenSeat[] | undefined>();
    const olderDone = inFlight.track([5], older.promise, taken);
    void inFlight.track([5, 6], newer.promise, taken);

    older.resolve(undefined);
    await olderDone;

    const waiter = inFlight.covering([5, 6]);
    expect(waiter).toBeDefined();
    newer.resolve(seats(5, 6));
    await expect(waiter).resolves.toEqual(seats(5, 6));
  });
});
