import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { bookingSeats, seats } from '../../db/schema.js';
import type { Seat } from './seats.schemas.js';

const seatColumns = {
  id: seats.id,
  concertId: seats.concertId,
  ticketTierId: seats.tierId,
  seatNumber: seats.label,
  row: seats.row,
  section: seats.section,
  isBooked: sql<boolean>`${bookingSeats.seatId} is not null`,
};

function selectSeats(db: Executor, concertId: string, onlyFree: boolean) {
  return db
    .select(seatColumns)
    .from(seats)
    .leftJoin(bookingSeats, and(eq(bookingSeats.seatId, seats.id), isNull(bookingSeats.releasedAt)))
    .where(and(eq(seats.concertId, concertId), onlyFree ? isNull(bookingSeats.seatId) : undefined))
    .orderBy(asc(seats.section), asc(seats.row), asc(seats.number), asc(seats.id));
}

export function findSeatsOfConcert(db: Executor, concertId: string): Promise<Seat[]> {
  return selectSeats(db, concertId, false);
}

export function findFreeSeatsOfConcert(db: Executor, concertId: string): Promise<Seat[]> {
  return selectSeats(db, concertId, true);
}

/**
 * A cheap fingerprint of a concert's seat map: it changes whenever a seat is added or changes hands,
 * because every such change takes a new number from seat_change_seq. Undefined if no such concert.
 */
export async function findSeatMapVersion(db: Executor, concertId: string): Promise<string | undefined> {
  const { rows } = await db.execute<{ last_seat: number | null; last_change: string | null }>(sql`
    select (select max(s.id) from seats s where s.concert_id = c.id) as last_seat,
           (select max(b.change_seq) from booking_seats b where b.concert_id = c.id) as last_change
    from concerts c where c.id = ${concertId}`);
  const row = rows[0];
  return row ? `${row.last_seat ?? 0}.${row.last_change ?? 0}` : undefined;
}
