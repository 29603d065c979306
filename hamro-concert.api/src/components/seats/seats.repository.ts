import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { concerts, seats } from '../../db/schema.js';
import type { Seat } from './seats.schemas.js';

const seatColumns = {
  id: seats.id,
  concertId: seats.concertId,
  ticketTierId: seats.tierId,
  seatNumber: seats.label,
  row: seats.row,
  section: seats.section,
  isBooked: sql<boolean>`${seats.bookingId} is not null`,
};

function selectSeats(db: Executor, concertId: string, onlyFree: boolean) {
  return db
    .select(seatColumns)
    .from(seats)
    .where(and(eq(seats.concertId, concertId), onlyFree ? isNull(seats.bookingId) : undefined))
    .orderBy(asc(seats.section), asc(seats.row), asc(seats.number), asc(seats.id));
}

export function findSeatsOfConcert(db: Executor, concertId: string): Promise<Seat[]> {
  return selectSeats(db, concertId, false);
}

export function findFreeSeatsOfConcert(db: Executor, concertId: string): Promise<Seat[]> {
  return selectSeats(db, concertId, true);
}

/**
 * A cheap fingerprint of a concert's seat map: every new seat and every change of hands takes a new
 * number from seat_change_seq, so the newest number changes whenever the map does. Undefined if
 * there is no such concert.
 */
export async function findSeatMapVersion(db: Executor, concertId: string): Promise<string | undefined> {
  const [row] = await db
    .select({ version: sql<string | null>`(select max(s.change_seq) from seats s where s.concert_id = "concerts"."id")` })
    .from(concerts)
    .where(eq(concerts.id, concertId));
  return row ? String(row.version ?? 0) : undefined;
}
