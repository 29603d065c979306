import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { arrayParam } from '../../db/sql-arrays.js';
import type { Section } from '../tiers/tiers.schemas.js';
import type { SeatRecord } from './seats.inventory.js';

type SeatRow = {
  id: number;
  tier_id: number;
  section: Section;
  row: number;
  number: number;
  label: string;
  booked: boolean;
  held_until_ms: string | null;
  change_seq: string;
};

const seatRecordColumns = sql`s.id, s.tier_id, s.section, s."row", s."number", s.label, s.booking_id is not null as booked,
  (extract(epoch from s.held_until) * 1000)::bigint::text as held_until_ms, s.change_seq::text`;

function toSeatRecord(row: SeatRow): SeatRecord {
  return {
    id: row.id,
    tierId: row.tier_id,
    section: row.section,
    row: row.row,
    number: row.number,
    label: row.label,
    booked: row.booked,
    heldUntil: row.held_until_ms === null ? 0 : Number(row.held_until_ms),
    seq: Number(row.change_seq),
  };
}

/** Every seat of a concert as it stands, and the concert's layout version; undefined if there is no such concert. */
export async function loadConcertSeats(
  db: Executor,
  concertId: string,
): Promise<{ layoutVersion: number; seats: SeatRecord[] } | undefined> {
  const { rows } = await db.execute<SeatRow & { layout_version: number }>(sql`
    select c.layout_version, ${seatRecordColumns}
    from concerts c left join seats s on s.concert_id = c.id
    where c.id = ${concertId}`);
  if (rows.length === 0) return undefined;
  return { layoutVersion: rows[0]!.layout_version, seats: rows.filter((row) => row.id !== null).map(toSeatRecord) };
}

/** Where the feed starts reading: the snapshot of this moment. */
export async function currentSnapshot(db: Executor): Promise<string> {
  const { rows } = await db.execute<{ snapshot: string }>(sql`select pg_current_snapshot()::text as snapshot`);
  return rows[0]!.snapshot;
}

export interface SeatChangeRow {
  concertId: string;
  seatId: number;
  /** The seat as it is now; undefined when it no longer exists. */
  seat: SeatRecord | undefined;
}

/**
 * The seats of these concerts that transactions committed since `since` (a snapshot) have written,
 * each as it is now, and the snapshot this read saw. A transaction counts when it is visible now and
 * was not then, so one that commits after a later-numbered one is still read exactly once.
 */
export async function readSeatChangesSince(
  db: Executor,
  since: string,
  concertIds: string[],
): Promise<{ snapshot: string; changes: SeatChangeRow[] }> {
  type ChangeRow = { snapshot: string; concert_id: string | null; seat_id: number | null } & (SeatRow | { id: null });
  const { rows } = await db.execute<ChangeRow>(sql`
    with now_seen as (select pg_current_snapshot() as snapshot),
    changed as (
      select distinct c.concert_id, unnest(c.seat_ids) as seat_id
      from seat_changes c
      where c.xid >= pg_snapshot_xmin(${since}::pg_snapshot)
        and not pg_visible_in_snapshot(c.xid, ${since}::pg_snapshot)
        and c.concert_id = any(${arrayParam(concertIds)}::uuid[])
    )
    select (select snapshot::text from now_seen) as snapshot, changed.concert_id, changed.seat_id, ${seatRecordColumns}
    from now_seen left join changed on true left join seats s on s.id = changed.seat_id`);
  const snapshot = rows[0]!.snapshot;
  const changes: SeatChangeRow[] = [];
  for (const row of rows) {
    if (row.concert_id === null || row.seat_id === null) continue;
    changes.push({
      concertId: row.concert_id,
      seatId: row.seat_id,
      seat: row.id === null ? undefined : toSeatRecord(row),
    });
  }
  return { snapshot, changes };
}

/** Drops log entries older than the retention: every instance has read them long since, or reloads. */
export async function pruneSeatChanges(db: Executor, olderThanSeconds: number): Promise<number> {
  const result = await db.execute(
    sql`delete from seat_changes where at < now() - make_interval(secs => ${olderThanSeconds}::int)`,
  );
  return result.rowCount ?? 0;
}
