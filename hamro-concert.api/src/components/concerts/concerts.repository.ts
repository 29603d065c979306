import { and, asc, count, eq, gte, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.js';
import { arrayParam } from '../../db/sql-arrays.js';
import { bookings, buyerSeats, concerts, seats, ticketTiers } from '../../db/schema.js';
import type { Section } from '../tiers/tiers.schemas.js';

export type ConcertRow = typeof concerts.$inferSelect;
export type ConcertInsert = typeof concerts.$inferInsert;

export function findUpcoming(db: Executor, fromDate: string, limit: number, offset: number): Promise<ConcertRow[]> {
  return db
    .select()
    .from(concerts)
    .where(gte(concerts.date, fromDate))
    .orderBy(asc(concerts.date), asc(concerts.time), asc(concerts.id))
    .limit(limit)
    .offset(offset);
}

export async function countUpcoming(db: Executor, fromDate: string): Promise<number> {
  const [row] = await db.select({ value: count() }).from(concerts).where(gte(concerts.date, fromDate));
  return row?.value ?? 0;
}

export async function findById(db: Executor, id: string): Promise<ConcertRow | undefined> {
  const [row] = await db.select().from(concerts).where(eq(concerts.id, id));
  return row;
}

export async function insertConcert(db: Executor, concert: ConcertInsert): Promise<ConcertRow> {
  const [row] = await db.insert(concerts).values(concert).returning();
  if (!row) throw new Error('insert into concerts returned no row');
  return row;
}

export async function insertTier(
  db: Executor,
  tier: { concertId: string; ticketTypeId: number; name: string; priceCents: number; total: number },
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

export async function updateConcert(db: Executor, id: string, fields: Partial<ConcertInsert>): Promise<ConcertRow | undefined> {
  const [row] = await db.update(concerts).set(fields).where(eq(concerts.id, id)).returning();
  return row;
}

/** Locks a concert's row; every booking takes a key-share lock on it through its foreign key. */
export async function lockConcert(tx: Tx, id: string): Promise<boolean> {
  const rows = await tx.select({ id: concerts.id }).from(concerts).where(eq(concerts.id, id)).for('update');
  return rows.length > 0;
}

export async function countActiveBookings(db: Executor, concertId: string): Promise<number> {
  const [row] = await db
    .select({ value: count() })
    .from(bookings)
    .where(and(eq(bookings.concertId, concertId), eq(bookings.status, 'confirmed')));
  return row?.value ?? 0;
}

/** Deletes a concert with its tiers, seats, holds and its cancelled bookings' records. */
export async function deleteConcertAndHistory(tx: Tx, id: string): Promise<void> {
  await tx.delete(bookings).where(eq(bookings.concertId, id));
  await tx.delete(buyerSeats).where(eq(buyerSeats.concertId, id));
  await tx.delete(concerts).where(eq(concerts.id, id));
}
