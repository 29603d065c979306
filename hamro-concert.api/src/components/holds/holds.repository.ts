import { eq, sql, type SQL, type SQLWrapper } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { preparedStatement } from '../../db/prepared.js';
import { freedSeatsJson, markSeatChanged, returningFreedSeats, type FreedSeat } from '../seats/seats.state.js';
import { holds } from '../../db/schema.js';
import {
  lockFreeRequestedSeats,
  requestedSeatIds,
  requestedSeatStates,
  toRequestedSeatState,
  type RequestedSeatRow,
  type RequestedSeatState,
} from '../seats/seats.locks.js';

export type { RequestedSeatState } from '../seats/seats.locks.js';

const seatIds = requestedSeatIds;

const buyerEmail = sql.placeholder('buyerEmail');
/** The key of the buyer's count, lower-cased by PostgreSQL as a booking's is (see the booking's quota). */
const buyerKeyOf = (email: SQLWrapper | string) => sql`lower(${email}::text)`;
const maxPerBuyer = sql.placeholder('maxPerBuyer');

/**
 * Seats the buyer (by lower-cased email) already has of the concert, booked or in their other
 * active holds, plus `adding`, stays within the per-buyer limit. Read from the statement's snapshot:
 * two holds of one email racing may both pass, but a booking counts its seats under the buyer row's
 * lock (see bookSeatsIfFree), so no more than the limit is ever sold to one email.
 */
const withinBuyerLimit = (
  buyer: { key: SQL; max: SQLWrapper | number },
  concertId: SQL,
  adding: SQL,
  exceptHold: SQL = sql`null::uuid`,
) => sql`(
  coalesce((select seats from buyer_seats where email_key = ${buyer.key} and concert_id = ${concertId}), 0)
  + coalesce((select sum(cardinality(other.seat_ids)) from holds other
              where other.buyer_key = ${buyer.key} and other.concert_id = ${concertId}
                and other.status = 'active' and other.expires_at > now()
                and other.id is distinct from ${exceptHold}), 0)
  + ${adding} <= ${buyer.max}::int)`;

/**
 * Holds seats in one statement: lock the free ones in id order and, only if every requested seat
 * is among them and of the given upcoming concert, and a buyer who gave their email stays within
 * their limit, record the hold and mark the seats held until it expires.
 */
const holdSeatsStatement = (name: string, skipLocked: boolean) =>
  preparedStatement<
    RequestedSeatRow & {
      hold_id: string | null;
      expires_at: Date | null;
      change_seq: string | null;
      seats_ok: boolean | null;
      within_limit: boolean | null;
    }
  >(
    name,
    sql`
  with locked as (${lockFreeRequestedSeats({ skipLocked })}),
  verdict as (
    select count(*) = cardinality(${seatIds}::int[])
       and bool_and(concert_id = ${sql.placeholder('concertId')}::uuid)
       and bool_and(sales_phase = 'open')
       and not bool_or(admission_needed) as seats_ok,
       ${buyerEmail}::text is null
         or ${withinBuyerLimit(
           { key: buyerKeyOf(buyerEmail), max: maxPerBuyer },
           sql`${sql.placeholder('concertId')}::uuid`,
           sql`cardinality(${seatIds}::int[])`,
         )}
         as within_limit
    from locked
  ), hold as (
    insert into holds (token, concert_id, seat_ids, expires_at, holder, buyer_key)
    select ${sql.placeholder('token')}, ${sql.placeholder('concertId')}::uuid, ${seatIds}::int[],
           now() + make_interval(secs => ${sql.placeholder('ttlSeconds')}::int), ${sql.placeholder('holder')}::text,
           ${buyerKeyOf(buyerEmail)}
    from verdict where seats_ok and within_limit
    -- The holder's hold still counts as active: no second one (a concurrent one waits here, then sees it).
    on conflict (holder) where status = 'active' do nothing
    returning id, expires_at
  ), marked as (
    update seats set hold_id = hold.id, held_until = hold.expires_at, ${markSeatChanged}
    from hold where seats.id in (select id from locked)
    returning seats.id, seats.change_seq
  )
  select requested.id, requested.concert_id, requested.label, requested.booked, requested.held_by_other,
         requested.sales_phase, requested.admission_needed, hold.id as hold_id, hold.expires_at,
         marked.change_seq::text, verdict.seats_ok, verdict.within_limit
  from (${requestedSeatStates(sql`null::uuid`)}) as requested cross join verdict left join hold on true
  left join marked on marked.id = requested.id
  order by requested.id`,
  );

const holdChosenSeats = holdSeatsStatement('hold_seats', false);
const holdOfferedSeats = holdSeatsStatement('hold_seats_skip_locked', true);

export type HoldAttempt =
  | {
      held: true;
      id: string;
      token: string;
      expiresAt: Date;
      seats: { id: number; label: string; changeSeq: number }[];
    }
  | {
      held: false;
      seats: RequestedSeatState[];
      /** The seats could be held, but the holder already has an active hold. */
      holderBusy: boolean;
      /** The seats could be held, but the buyer would go past their limit. */
      overBuyerLimit: boolean;
    };

export async function holdSeatsIfFree(
  db: Executor,
  input: {
    token: string;
    concertId: string;
    seatIds: number[];
    ttlSeconds: number;
    holder: string;
    /** The buyer's email, if they gave it; their limit is checked then. */
    buyerEmail: string | null;
    maxPerBuyer: number;
    /** The concert a verified admission pass lets the request into (see admissionNeeded). */
    admittedTo: string | null;
    skipLocked?: boolean;
  },
): Promise<HoldAttempt> {
  const { skipLocked = false, ...values } = input;
  const { rows } = await (skipLocked ? holdOfferedSeats : holdChosenSeats)(db, values);
  const first = rows[0];
  if (first?.hold_id && first.expires_at) {
    const seats = rows.map((row) => ({ id: row.id, label: row.label, changeSeq: Number(row.change_seq) }));
    return { held: true, id: first.hold_id, token: values.token, expiresAt: new Date(first.expires_at), seats };
  }
  const seatsOk = first?.seats_ok === true;
  return {
    held: false,
    seats: rows.map(toRequestedSeatState),
    holderBusy: seatsOk && first.within_limit === true,
    overBuyerLimit: seatsOk && first.within_limit === false,
  };
}

/**
 * Marks the holder's hold released if it has run out, so that the holder may hold again; true if it
 * did. Its seats already count as free.
 */
export async function retireExpiredHold(db: Executor, holder: string): Promise<boolean> {
  const result = await db.execute(sql`
    update holds set status = 'released', ended_at = now()
    where holder = ${holder} and status = 'active' and expires_at <= now()`);
  return (result.rowCount ?? 0) > 0;
}

/**
 * Records the buyer's email on their active hold if its seats stay within the buyer's limit: the
 * hold row is locked, so a booking confirming it waits. Returns the hold as it was found, and
 * whether the limit allowed it; undefined if no hold has the token.
 */
export async function setHoldBuyer(
  db: Executor,
  input: { token: string; email: string; maxPerBuyer: number },
): Promise<{ hold: HoldRow; withinLimit: boolean } | undefined> {
  const { rows } = await db.execute<{
    id: string;
    token: string;
    concert_id: string;
    seat_ids: number[];
    status: HoldRow['status'];
    expires_at: Date;
    expired: boolean;
    within_limit: boolean;
  }>(sql`
    with hold as (
      select id, token, concert_id, seat_ids, status, expires_at, expires_at <= now() as expired
      from holds where token = ${input.token} for update
    ), verdict as (
      select hold.*,
             ${withinBuyerLimit(
               { key: buyerKeyOf(input.email), max: input.maxPerBuyer },
               sql`hold.concert_id`,
               sql`cardinality(hold.seat_ids)`,
               sql`hold.id`,
             )}
               as within_limit
      from hold
    ), updated as (
      update holds set buyer_key = ${buyerKeyOf(input.email)}
      from verdict where holds.id = verdict.id and verdict.status = 'active' and not verdict.expired
        and verdict.within_limit
    )
    select * from verdict`);
  const row = rows[0];
  if (!row) return undefined;
  const hold = {
    id: row.id,
    token: row.token,
    concertId: row.concert_id,
    seatIds: row.seat_ids,
    status: row.status,
    expiresAt: new Date(row.expires_at),
    expired: row.expired,
  };
  return { hold, withinLimit: row.within_limit };
}

export interface HoldRow {
  id: string;
  token: string;
  concertId: string;
  seatIds: number[];
  status: 'active' | 'released' | 'confirmed';
  expiresAt: Date;
  expired: boolean;
}

export async function findHoldByToken(db: Executor, token: string): Promise<HoldRow | undefined> {
  const [row] = await db
    .select({
      id: holds.id,
      token: holds.token,
      concertId: holds.concertId,
      seatIds: holds.seatIds,
      status: holds.status,
      expiresAt: holds.expiresAt,
      expired: sql<boolean>`${holds.expiresAt} <= now()`,
    })
    .from(holds)
    .where(eq(holds.token, token));
  return row;
}

/**
 * Ends an active hold and frees its seats, in one statement; undefined if no active hold has the
 * token. Locks the hold row, then its seats: the order a booking that confirms the hold takes them.
 */
export async function releaseActiveHold(
  db: Executor,
  token: string,
): Promise<{ id: string; freed: FreedSeat[] } | undefined> {
  const { rows } = await db.execute<{ id: string; freed: FreedSeat[] | null }>(sql`
    with released as (
      update holds set status = 'released', ended_at = now()
      where token = ${token} and status = 'active'
      returning id, seat_ids
    ), freed as (
      update seats set hold_id = null, held_until = null, ${markSeatChanged}
      where id in (select unnest(seat_ids) from released) and hold_id in (select id from released)
        and booking_id is null
      ${returningFreedSeats}
    )
    select id, ${freedSeatsJson('freed')} as freed
    from released`);
  const row = rows[0];
  return row && { id: row.id, freed: row.freed ?? [] };
}

/**
 * Tidies seats whose hold ran out a while ago. Only housekeeping: an expired hold already counts for
 * nothing in every query, so the seat map does not change and its version is not bumped.
 */
export async function clearExpiredHolds(db: Executor, olderThanSeconds: number): Promise<number> {
  const result = await db.execute(sql`
    update seats set hold_id = null, held_until = null
    where held_until <= now() - make_interval(secs => ${olderThanSeconds}::int)`);
  return result.rowCount ?? 0;
}
