/**
 * Who wrote a concert's seats through this instance lately, and when: a client address or a browser
 * session, by the instant (performance.now()) its write was in the inventory. A stadium's map is
 * served from a compressed snapshot a fraction of a second old, except to a client whose own write
 * is newer than the snapshot: that client is given the map as it is now (read-your-writes).
 */
export class RecentWriters {
  private readonly wrote = new Map<string, number>();
  private swept = 0;

  /** Notes that `clients` (address and session keys) wrote `concertId`'s seats just now. */
  note(concertId: string, clients: readonly string[]): void {
    const now = performance.now();
    for (const client of clients) this.wrote.set(`${concertId} ${client}`, now);
    if (now - this.swept > FORGET_AFTER_MS) this.sweep(now);
  }

  /** The latest instant any of `clients` wrote the concert's seats; 0 if none did lately. */
  lastWrite(concertId: string, clients: readonly string[]): number {
    let last = 0;
    for (const client of clients) last = Math.max(last, this.wrote.get(`${concertId} ${client}`) ?? 0);
    return last;
  }

  private sweep(now: number) {
    this.swept = now;
    for (const [key, at] of this.wrote) if (now - at > FORGET_AFTER_MS) this.wrote.delete(key);
  }
}

/**
 * A write older than this is in any snapshot a reader may be given (see SeatMapCache), so it need
 * not be remembered any longer.
 */
export const FORGET_AFTER_MS = 5_000;
