/** What a booking or hold that went through has taken: enough to name its seats in a refusal. */
export interface SeatClaim {
  kind: 'booked' | 'held';
  concertId: string;
  seats: { id: number; label: string }[];
}

/** What a claim in flight ends with: what it took, or nothing when it was refused or failed. */
type Flight = Promise<SeatClaim | undefined>;

/**
 * The bookings and holds of seats this process is making right now. When a crowd asks for the same
 * seat at once, the first request goes to PostgreSQL and the others wait here for its outcome
 * instead of each queueing for the same row lock with a statement of their own. If the first books
 * or holds the seats, each waiter is refused with the same 409 the database would have given; if
 * not, the waiters go on to the database as usual, one by one as before.
 *
 * The refusal is exact, not a guess from a cache: a waiter arrived before the first request was
 * answered, so nobody had its booking reference or hold token yet to cancel or release it, and
 * from its commit until the waiter is answered those seats stay taken. Only requests that arrive
 * while the claim is in flight wait; later ones ask the database.
 */
export class SeatClaimsInFlight {
  private readonly bySeat = new Map<number, Flight>();

  /** The claim in flight that covers every one of these seats, if a single one does. */
  covering(seatIds: readonly number[]): Flight | undefined {
    const flight = this.bySeat.get(seatIds[0]!);
    return flight && seatIds.every((id) => this.bySeat.get(id) === flight) ? flight : undefined;
  }

  /**
   * Runs one attempt to book or hold these seats and lets later requests for them wait on it while
   * it runs. `claimOf` reads what it took from its result (undefined when it took nothing). The
   * attempt's own result or error is returned unchanged.
   */
  async track<T>(
    seatIds: readonly number[],
    attempt: Promise<T>,
    claimOf: (result: T) => SeatClaim | undefined,
  ): Promise<T> {
    const flight: Flight = attempt.then(claimOf, () => undefined);
    for (const id of seatIds) this.bySeat.set(id, flight);
    try {
      return await attempt;
    } finally {
      for (const id of seatIds) if (this.bySeat.get(id) === flight) this.bySeat.delete(id);
    }
  }

  /** How many seats have a claim in flight; for tests. */
  get size(): number {
    return this.bySeat.size;
  }
}

/** The requested seats as a claim that went through has left them, ready for `assertSeatsFree`. */
export function seatsTakenBy(claim: SeatClaim, seatIds: readonly number[]) {
  const wanted = new Set(seatIds);
  return claim.seats
    .filter((seat) => wanted.has(seat.id))
    .map((seat) => ({ ...seat, booked: claim.kind === 'booked', held: claim.kind === 'held' }));
}
