/** A seat a booking in flight has just taken: enough to name it in a refusal. */
export interface TakenSeat {
  id: number;
  label: string;
}

/** What a booking in flight ends with: the seats it took, or nothing when it was refused or failed. */
type Flight = Promise<TakenSeat[] | undefined>;

/**
 * The seat bookings this process is making right now. When a crowd asks for the same seat at once,
 * the first request goes to PostgreSQL and the others wait here for its outcome instead of each
 * queueing for the same row lock with a statement of their own. If the first books the seats, each
 * waiter is refused with the same 409 the database would have given; if not, the waiters go on to
 * the database as usual, one by one as before.
 *
 * The refusal is exact, not a guess from a cache: a waiter arrived before the first booking was
 * answered, so nobody had its reference yet to cancel it, and from its commit until the waiter is
 * answered those seats stay booked. Only requests that arrive while the booking is in flight wait;
 * later ones ask the database.
 */
export class InFlightBookings {
  private readonly bySeat = new Map<number, Flight>();

  /** The booking in flight that is taking every one of these seats, if a single one is. */
  covering(seatIds: readonly number[]): Flight | undefined {
    const flight = this.bySeat.get(seatIds[0]!);
    return flight && seatIds.every((id) => this.bySeat.get(id) === flight) ? flight : undefined;
  }

  /**
   * Runs one booking attempt for these seats and lets later requests for them wait on it while it
   * runs. `takenSeats` reads the seats it booked from its result (undefined when it booked none).
   * The attempt's own result or error is returned unchanged.
   */
  async track<T>(
    seatIds: readonly number[],
    attempt: Promise<T>,
    takenSeats: (result: T) => TakenSeat[] | undefined,
  ): Promise<T> {
    const flight: Flight = attempt.then(takenSeats, () => undefined);
    for (const id of seatIds) this.bySeat.set(id, flight);
    try {
      return await attempt;
    } finally {
      for (const id of seatIds) if (this.bySeat.get(id) === flight) this.bySeat.delete(id);
    }
  }

  /** How many seats have a booking in flight; for tests. */
  get size(): number {
    return this.bySeat.size;
  }
}
