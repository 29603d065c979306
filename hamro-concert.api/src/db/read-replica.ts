import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import { Repeat } from '../lib/repeat.js';
import type { Db } from './client.js';

/**
 * Where reads that may be a little behind go: the replica port (DATABASE_READ_URL) while its replay
 * is within `maxLagMs` of the primary, the primary otherwise. Seat decisions and the seat feed never
 * come here; organizer reports and the booking lookup do (a lookup that finds nothing on the replica
 * asks the primary, since a booking made a moment ago may not have been replayed yet).
 *
 * Lag is measured every `checkMs`: the primary's flushed WAL position is read first, then the replica's
 * replay position. A replica that has replayed up to that point is current, however long it has been
 * idle; one behind it counts the time since its last replayed commit.
 */
export class ReadReplica {
  private current = false;
  private readonly checks: Repeat;

  constructor(
    private readonly primary: Db,
    private readonly replica: Db | undefined,
    private readonly maxLagMs: number,
    private readonly logger: Logger,
    checkMs = 1000,
  ) {
    // check() reports its own failures; nothing reaches onError.
    this.checks = new Repeat(
      checkMs,
      () => this.check(),
      () => {},
    );
  }

  /** The database for a read that may be up to `maxLagMs` behind. */
  reads(): Db {
    return this.replica && this.current ? this.replica : this.primary;
  }

  /** Whether a replica was given at all. */
  get configured(): boolean {
    return this.replica !== undefined;
  }

  /** Whether reads go to the replica now (for /health/ready and the tests). */
  get usingReplica(): boolean {
    return this.reads() !== this.primary;
  }

  async check(): Promise<boolean> {
    if (!this.replica) return false;
    const was = this.current;
    try {
      // What the primary has flushed (its insert position runs ahead with records no replica has yet).
      const [primary] = (
        await this.primary.execute<{ lsn: string }>(sql`select pg_current_wal_flush_lsn()::text as lsn`)
      ).rows;
      const [replica] = (
        await this.replica.execute<{ recovering: boolean; behind: string | null; idle_ms: number | null }>(sql`
          select pg_is_in_recovery() as recovering,
                 pg_wal_lsn_diff(${primary!.lsn}::pg_lsn, pg_last_wal_replay_lsn())::text as behind,
                 extract(epoch from now() - pg_last_xact_replay_timestamp()) * 1000 as idle_ms`)
      ).rows;
      // A server that is not in recovery is no replica of ours (a promoted one, or a misconfiguration).
      this.current =
        replica!.recovering &&
        (Number(replica!.behind ?? Infinity) <= 0 || (replica!.idle_ms ?? Infinity) <= this.maxLagMs);
    } catch (error) {
      this.current = false;
      if (was) this.logger.warn({ err: error }, 'the read replica cannot be reached; reading from the primary');
    }
    if (was && !this.current) this.logger.warn('the read replica is behind; reading from the primary');
    return this.current;
  }

  start(): this {
    if (this.replica) this.checks.start(0);
    return this;
  }

  stop(): void {
    void this.checks.stop();
  }
}
