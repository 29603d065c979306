import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { concerts, seats } from '../../db/schema.js';
import { seatIsFree, seatStatus } from '../../db/seat-state.js';
import type { FreeSeat } from './seats.best-available.js';
import type { Seat } from './seats.schemas.js';

const seatColumns = {
  id: seats.id,
  concertId: seats.concertId,
  ticketTierId: seats.tierId,
  seatNumber: seats.label,
  row: seats.row,
  section: seats.section,
  isBooked: sql<boolean>`${seats.bookingId} is not null`,
  status: seatStatus,
};

function selectSeats(db: Executor, concertId: string, onlyFree: boolean) {
  return db
    .select(seatColumns)
    .from(seats)
    .where(and(eq(seats.concertId, concertId), onlyFree ? seatIsFree : undefined))
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
 * number from seat_change_seq, and the next hold to expire changes the map without any write, so the
 * version is the newest number plus that instant, plus the concert's layout version for seats removed. Undefined if there is no such concert.
 */
export async function findSeatMapVersion(db: Executor, concertId: string): Promise<string | undefined> {
  const [row] = await db
    .select({
      layout: concerts.layoutVersion,
      lastChange: sql<string | null>`(select max(s.change_seq) from seats s where s.concert_id = "concerts"."id")`,
      nextExpiry: sql<string | null>`(select extract(epoch from min(s.held_until))::text from seats s
        where s.concert_id = "concerts"."id" and s.held_until > now())`,
    })
    .from(concerts)
    .where(eq(concerts.id, concertId));
  return row ? `${row.layout}-${row.lastChange ?? 0}-${row.nextExpiry ?? 0}` : undefined;
}

/** The free seats of a tier (not booked, not held), for choosing the best available. */
export function findFreeSeatsOfTier(db: Executor, tierId: number): Promise<FreeSeat[]> {
  return db
    .select({ id: seats.id, row: seats.row, number: seats.number })
    .from(seats)
    .where(and(eq(seats.tierId, tierId), seatIsFree))
    .orderBy(asc(seats.row), asc(seats.number));
}
