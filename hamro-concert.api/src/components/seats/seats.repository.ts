import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { arrayParam } from '../../db/sql-arrays.js';
import type { Section } from 'hamro-concert.contracts';
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

export interface SeatChanges {
  /** The snapshot this read saw: where the next read starts. */
  snapshot: string;
  /** The changed seats as they are now. */
  seats: (SeatRecord & { concertId: string })[];
  /** Each of the concerts' layout version now; a concert that no longer exists is missing. */
  layouts: Map<string, number>;
}

/**
 * The seats of these concerts that transactions committed since `since` (a snapshot) have changed,
 * each as it is now, the concerts' layout versions, and the snapshot this read saw. A transaction
 * counts when it is visible now and was not then, so one that commits after a later-numbered one is
 * still read exactly once. Every transaction older than the old snapshot's horizon was visible to it,
 * so the index on change_xid is read from that horizon only.
 */
export async function readSeatChangesSince(db: Executor, since: string, concertIds: string[]): Promise<SeatChanges> {
  const ids = arrayParam(concertIds);
  const { rows } = await db.execute<
    { snapshot: string; concert_id: string; layout_version: number | null } & (SeatRow | { id: null })
  >(sql`
    with now_seen as (select pg_current_snapshot() as snapshot)
    select (select snapshot::text from now_seen) as snapshot, s.concert_id, null::int as layout_version, ${seatRecordColumns}
    from seats s
    where s.change_xid >= pg_snapshot_xmin(${since}::pg_snapshot)
      and not pg_visible_in_snapshot(s.change_xid, ${since}::pg_snapshot)
      and s.concert_id = any(${ids}::uuid[])
    union all
    select (select snapshot::text from now_seen), c.id, c.layout_version, null, null, null, null, null, null, null, null, null
    from concerts c where c.id = any(${ids}::uuid[])
    union all
    select snapshot::text, null, null, null, null, null, null, null, null, null, null, null from now_seen`);
  const layouts = new Map<string, number>();
  const seats: SeatChanges['seats'] = [];
  for (const row of rows) {
    if (row.layout_version !== null) layouts.set(row.concert_id, row.layout_version);
    else if (row.id !== null) seats.push({ ...toSeatRecord(row), concertId: row.concert_id });
  }
  return { snapshot: rows[0]!.snapshot, seats, layouts };
}
