import { and, asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Section } from 'hamro-concert.contracts';
import type { Executor, Tx } from '../../db/client.js';
import { lockConcertRow } from '../../db/concert-lock.js';
import { arrayParam } from '../../db/sql-arrays.js';
import { concerts, seats, ticketTiers } from '../../db/schema.js';

export interface TierRow {
  id: number;
  concertId: string;
  ticketTypeId: number;
  name: string;
  priceCents: number;
  total: number;
  available: number;
  salesOpenAt: Date | null;
  salesCloseAt: Date | null;
}

/**
 * Stock is derived from the seats: a tier's free seats (not booked, not held), counted from a partial
 * index. No counter row
 * that every booking of the tier would have to lock. (Written with explicit qualifiers: Drizzle leaves
 * column references in select fields unqualified.)
 */
const available = sql<number>`(
  select count(*)::int from seats s where s.tier_id = "ticket_tiers"."id" and s.booking_id is null
    and (s.held_until is null or s.held_until <= now()))`;

function selectTiers(db: Executor, where?: SQL) {
  return db
    .select({
      id: ticketTiers.id,
      concertId: ticketTiers.concertId,
      ticketTypeId: ticketTiers.ticketTypeId,
      name: ticketTiers.name,
      priceCents: ticketTiers.priceCents,
      total: ticketTiers.total,
      available,
      salesOpenAt: ticketTiers.salesOpenAt,
      salesCloseAt: ticketTiers.salesCloseAt,
    })
    .from(ticketTiers)
    .where(where)
    .orderBy(asc(ticketTiers.concertId), asc(ticketTiers.ticketTypeId), asc(ticketTiers.id));
}

export function findTiersOfConcerts(db: Executor, concertIds: string[]): Promise<TierRow[]> {
  if (concertIds.length === 0) return Promise.resolve([]);
  return selectTiers(db, inArray(ticketTiers.concertId, concertIds));
}

export function findAllTiers(db: Executor): Promise<TierRow[]> {
  return selectTiers(db);
}

export function findTierPage(db: Executor, limit: number, offset: number): Promise<TierRow[]> {
  return selectTiers(db).limit(limit).offset(offset);
}

export async function countTiers(db: Executor): Promise<number> {
  const [row] = await db.select({ value: count() }).from(ticketTiers);
  return row?.value ?? 0;
}

export async function findTierById(db: Executor, id: number): Promise<TierRow | undefined> {
  const [row] = await selectTiers(db, eq(ticketTiers.id, id));
  return row;
}

export async function insertTier(
  db: Executor,
  tier: {
    concertId: string;
    ticketTypeId: number;
    name: string;
    priceCents: number;
    total: number;
    salesOpenAt?: Date | null;
    salesCloseAt?: Date | null;
  },
): Promise<number> {
  const [row] = await db.insert(ticketTiers).values(tier).returning({ id: ticketTiers.id });
  if (!row) throw new Error('insert into ticket_tiers returned no row');
  return row.id;
}

export interface SeatInsert {
  tierId: number;
  section: Section;
  row: number;
  number: number;
  label: string;
}

/** One statement however many seats: the columns travel as arrays and unnest into rows. */
export async function insertSeats(db: Executor, concertId: string, rows: SeatInsert[]): Promise<void> {
  if (rows.length === 0) return;
  await db.execute(sql`
    insert into ${seats} (concert_id, tier_id, section, "row", "number", label)
    select ${concertId}::uuid, s.tier_id, s.section, s.row_no, s.seat_no, s.label
    from unnest(
      ${arrayParam(rows.map((r) => r.tierId))}::int[], ${arrayParam(rows.map((r) => r.section))}::seat_section[],
      ${arrayParam(rows.map((r) => r.row))}::int[], ${arrayParam(rows.map((r) => r.number))}::int[], ${arrayParam(rows.map((r) => r.label))}::text[]
    ) as s(tier_id, section, row_no, seat_no, label)`);
}

/**
 * Refreshes the planner's statistics of the seats table once a layout has added seats. Until
 * autovacuum gets round to it, PostgreSQL would believe the free-seat index still small and find
 * a booking's seats through it instead of by primary key, reading every free seat of the new
 * concert on each booking. SKIP_LOCKED: when autovacuum is already at the table, it does this itself.
 */
export async function refreshSeatStatistics(db: Executor): Promise<void> {
  await db.execute(sql`analyze (skip_locked) ${seats}`);
}

export interface TierForChange {
  id: number;
  concertId: string;
  ticketTypeId: number;
  priceCents: number;
  total: number;
  seats: number;
  lastRow: number;
  lastLabel: number;
}

/**
 * Locks a tier for a change and reads how its seats stand. Its concert is locked first, as deleting
 * the concert does (FOR UPDATE there, which deletes the tiers in turn): the two always meet at the
 * concert's row and one waits for the other, instead of each holding the row the other needs next.
 * NO KEY UPDATE, as the change's own bump of the layout version would take: bookings, which need a
 * key-share lock on the concert, are not held up by it. A tier never moves to another concert.
 */
export async function lockTier(tx: Tx, id: number): Promise<TierForChange | undefined> {
  const [owner] = await tx.select({ concertId: ticketTiers.concertId }).from(ticketTiers).where(eq(ticketTiers.id, id));
  if (!owner) return undefined;
  await lockConcertRow(tx, owner.concertId, 'no key update');
  const [tier] = await tx
    .select({
      id: ticketTiers.id,
      concertId: ticketTiers.concertId,
      ticketTypeId: ticketTiers.ticketTypeId,
      priceCents: ticketTiers.priceCents,
      total: ticketTiers.total,
    })
    .from(ticketTiers)
    .where(eq(ticketTiers.id, id))
    .for('update');
  if (!tier) return undefined;
  const { rows } = await tx.execute<{ seats: number; last_row: number; last_label: number }>(sql`
    select count(*)::int as seats, coalesce(max("row"), 0)::int as last_row,
           coalesce(max(split_part(label, '-', 2)::int), 0)::int as last_label
    from seats where tier_id = ${id}`);
  const stats = rows[0]!;
  return { ...tier, seats: stats.seats, lastRow: stats.last_row, lastLabel: stats.last_label };
}

export async function updateTier(
  tx: Tx,
  id: number,
  fields: {
    name?: string;
    priceCents?: number;
    total?: number;
    salesOpenAt?: Date | null;
    salesCloseAt?: Date | null;
  },
) {
  if (Object.keys(fields).length > 0) await tx.update(ticketTiers).set(fields).where(eq(ticketTiers.id, id));
}

/**
 * Removes up to `count` seats from the back of a tier, only ones that are free when it locks them
 * and were never booked (a seat with booking history stays, so the history keeps its seat). Seats
 * a booking or hold has locked are passed over, and a seat taken while this waited is seen in its
 * new state when locked, so nothing in use is ever removed. Returns how many were.
 */
export async function removeUnusedSeats(tx: Tx, tierId: number, count: number): Promise<number> {
  const result = await tx.execute(sql`
    with unused as (
      select s.id from seats s
      where s.tier_id = ${tierId} and s.booking_id is null and (s.held_until is null or s.held_until <= now())
        and not exists (select 1 from booking_seats bs where bs.seat_id = s.id)
      order by s."row" desc, s."number" desc
      limit ${count}
      for update of s skip locked
    )
    delete from seats where id in (select id from unused)
      and booking_id is null and (held_until is null or held_until <= now())`);
  return result.rowCount ?? 0;
}

/** Whether any seat of the tier is booked, held or has ever been booked. */
export async function tierIsInUse(tx: Tx, tierId: number): Promise<boolean> {
  const { rows } = await tx.execute<{ used: boolean }>(sql`
    select exists (
      select 1 from seats s where s.tier_id = ${tierId}
        and (s.booking_id is not null or s.held_until > now()
             or exists (select 1 from booking_seats bs where bs.seat_id = s.id))
    ) or exists (select 1 from sales x where x.tier_id = ${tierId}) as used`);
  return rows[0]?.used ?? false;
}

export async function deleteTier(tx: Tx, id: number) {
  await tx.delete(ticketTiers).where(eq(ticketTiers.id, id));
}

export async function bumpLayoutVersion(tx: Tx, concertId: string) {
  await tx
    .update(concerts)
    .set({ layoutVersion: sql`${concerts.layoutVersion} + 1` })
    .where(eq(concerts.id, concertId));
}

export async function hasTierOfType(tx: Tx, concertId: string, ticketTypeId: number): Promise<boolean> {
  const rows = await tx
    .select({ id: ticketTiers.id })
    .from(ticketTiers)
    .where(and(eq(ticketTiers.concertId, concertId), eq(ticketTiers.ticketTypeId, ticketTypeId)));
  return rows.length > 0;
}
