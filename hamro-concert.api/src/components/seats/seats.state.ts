import { sql } from 'drizzle-orm';
import { seats } from '../../db/schema.js';

/**
 * Where a seat stands, in SQL shared by every area that reads or locks seats. A hold counts only
 * while `held_until` is in the future: from that instant the seat is free in every query and to
 * every lock, whether or not anything has tidied the row yet.
 */
export const seatIsFree = sql`(${seats.bookingId} is null and (${seats.heldUntil} is null or ${seats.heldUntil} <= now()))`;

/**
 * What every statement that changes a seat's holder sets on it: a new change number (ordering the
 * seat's states) and the writing transaction (which the seat feed reads changes by).
 */
export const markSeatChanged = sql.raw(`change_seq = nextval('seat_change_seq'), change_xid = pg_current_xact_id()`);

/** A seat a cancellation or a release has just freed, as its statement returns it. */
export interface FreedSeat {
  id: number;
  concertId: string;
  changeSeq: number;
}

/** The RETURNING of a statement that frees seats, and those rows as one `FreedSeat[]` JSON value. */
export const returningFreedSeats = sql.raw('returning seats.id, seats.concert_id, seats.change_seq');
export const freedSeatsJson = (cte: string) =>
  sql.raw(
    `(select json_agg(json_build_object('id', id, 'concertId', concert_id, 'changeSeq', change_seq)) from ${cte})`,
  );
