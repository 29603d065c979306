import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Executor, Tx } from '../../db/client.js';
import { venueToday } from '../../db/venue-clock.js';
import { bookings, buyerSeats, concerts } from '../../db/schema.js';

export type ConcertRow = typeof concerts.$inferSelect;
export type ConcertInsert = typeof concerts.$inferInsert;

/** Concerts whose day has not passed on their venue's own clock. */
const upcoming = sql`${concerts.date} >= ${venueToday}`;

export function findUpcoming(db: Executor, limit: number, offset: number): Promise<ConcertRow[]> {
  return db
    .select()
    .from(concerts)
    .where(upcoming)
    .orderBy(asc(concerts.date), asc(concerts.time), asc(concerts.id))
    .limit(limit)
    .offset(offset);
}

export async function countUpcoming(db: Executor): Promise<number> {
  const [row] = await db.select({ value: count() }).from(concerts).where(upcoming);
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

export async function updateConcert(
  db: Executor,
  id: string,
  fields: Partial<ConcertInsert>,
): Promise<ConcertRow | undefined> {
  const [row] = await db.update(concerts).set(fields).where(eq(concerts.id, id)).returning();
  return row;
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
