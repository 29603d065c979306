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
