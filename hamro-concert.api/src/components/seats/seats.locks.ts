import { asc, eq, sql, type Placeholder, type SQL } from 'drizzle-orm';
import { QueryBuilder, type SelectedFields } from 'drizzle-orm/pg-core';
import { concerts, seats, ticketTiers } from '../../db/schema.js';
import { concertStartsAt } from '../../db/venue-clock.js';
import { seatIsFree } from './seats.state.js';

/** The seat ids a booking or hold statement works on: one `int[]` parameter named `seatIds`. */
export const requestedSeatIds = sql.placeholder('seatIds');

/** Where a seat's sales stand now; only `open` sells. */
export type SalesPhase = 'not-open' | 'open' | 'closed' | 'over';

/**
 * Where the seat's sales stand, decided in the statement that books or holds: `over` once the
 * concert has started on the venue's own clock (`date` and `time` in `time_zone`); `closed` after the
 * sales window's end; `not-open` before its opening; else `open`. The tier's own window, where set,
 * takes the place of the concert's; sales never outlast the start.
 */
export const salesPhase = sql<SalesPhase>`case
    when now() >= ${concertStartsAt} then 'over'
    when now() >= coalesce(${ticketTiers.salesCloseAt}, ${concerts.salesCloseAt}, 'infinity') then 'closed'
    when now() < coalesce(${ticketTiers.salesOpenAt}, ${concerts.salesOpenAt}, '-infinity') then 'not-open'
    else 'open' end`;

/**
 * Whether taking the seat needs an admission pass that this request lacks: its concert's waiting room
 * is on, and the request's pass (its concert in the `admittedTo` parameter, verified by signature
 * before the statement runs) is not for that concert. Decided in the statement that books or holds,
 * so turning a room on applies to the very next attempt.
 */
export const admissionNeeded = (admittedTo: SQL | Placeholder) => sql<boolean>`(exists (
    select 1 from waiting_rooms w where w.concert_id = ${seats.concertId} and w.enabled)
  and ${seats.concertId} is distinct from ${admittedTo}::uuid)`;

const seatDetails = {
  id: seats.id,
  concertId: seats.concertId,
  tierId: seats.tierId,
  label: seats.label,
  priceCents: ticketTiers.priceCents,
  salesPhase: salesPhase.as('sales_phase'),
  admissionNeeded: admissionNeeded(sql.placeholder('admittedTo')).as('admission_needed'),
};

function requestedSeatsWithDetails<T extends SelectedFields>(extra: T) {
  return new QueryBuilder()
    .select({ ...seatDetails, ...extra })
    .from(seats)
    .innerJoin(ticketTiers, eq(ticketTiers.id, seats.tierId))
    .innerJoin(concerts, eq(concerts.id, seats.concertId));
}

/**
 * The requested seats that are free, locked in ascending id order, so that bookings and holds over
 * overlapping seats queue behind each other instead of deadlocking. A seat already taken is passed
 * over without waiting for its lock, so a crowd of late buyers does not queue behind the winner.
 * After waiting for a lock, READ COMMITTED re-checks the newest committed version of the row: a seat
 * booked or held meanwhile drops out too. `alsoLockable` admits more seats (the buyer's own hold);
 * `skipLocked` passes over seats someone else is locking instead of waiting for them.
 */
export function lockFreeRequestedSeats(options: { skipLocked: boolean; alsoLockable?: SQL; extra?: SelectedFields }) {
  const lockable = options.alsoLockable ? sql`(${seatIsFree} or ${options.alsoLockable})` : seatIsFree;
  const query = requestedSeatsWithDetails(options.extra ?? {})
    .where(sql`${seats.id} = any(${requestedSeatIds}::int[]) and ${lockable}`)
    .orderBy(asc(seats.id));
  return options.skipLocked ? query.for('update', { of: seats, skipLocked: true }) : query.for('update', { of: seats });
}

/**
 * The requested seats as the statement's snapshot sees them, without locking, to explain a refusal:
 * `booked`, and `held_by_other` for a live hold other than `ownHoldId`.
 */
export function requestedSeatStates(ownHoldId: SQL) {
  return requestedSeatsWithDetails({
    booked: sql<boolean>`${seats.bookingId} is not null`.as('booked'),
    heldByOther: sql<boolean>`${seats.heldUntil} > now() and ${seats.holdId} is distinct from ${ownHoldId}`.as(
      'held_by_other',
    ),
  }).where(sql`${seats.id} = any(${requestedSeatIds}::int[])`);
}

/** A requested seat as `requestedSeatStates` shows it; what a refused booking or hold is explained from. */
export interface RequestedSeatState {
  id: number;
  concertId: string;
  label: string;
  booked: boolean;
  /** Held by someone other than the request's own hold. */
  held: boolean;
  /** Whether its tier sells now (see salesPhase). */
  salesPhase: SalesPhase;
  /** Its concert's waiting room is on and the request has no pass for it (see admissionNeeded). */
  admissionNeeded: boolean;
}

/** One row of `requestedSeatStates` as a statement returns it; statements that select it add their own columns. */
export interface RequestedSeatRow {
  id: number;
  concert_id: string;
  label: string;
  booked: boolean;
  held_by_other: boolean;
  sales_phase: SalesPhase;
  admission_needed: boolean;
}

/** Reads one row of `requestedSeatStates` as a statement returned it. */
export function toRequestedSeatState(row: RequestedSeatRow): RequestedSeatState {
  return {
    id: row.id,
    concertId: row.concert_id,
    label: row.label,
    booked: row.booked,
    held: row.held_by_other,
    salesPhase: row.sales_phase,
    admissionNeeded: row.admission_needed,
  };
}
