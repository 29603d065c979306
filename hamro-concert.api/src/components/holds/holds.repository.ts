import { eq, sql } from 'drizzle-orm';
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

/**
 * Holds seats in one statement: lock the free ones in id order and, only if every requested seat
 * is among them and of the given upcoming concert, record the hold and mark the seats held until
 * it expires.
 */
const holdSeatsStatement = (name: string, skipLocked: boolean) =>
  preparedStatement<
    RequestedSeatRow & {
      hold_id: string | null;
      expires_at: Date | null;
      change_seq: string | null;
      seats_ok: boolean | null;
    }
  >(
    name,
    sql`
  with locked as (${lockFreeRequestedSeats({ skipLocked })}),
  verdict as (
    select count(*) = cardinality(${seatIds}::int[])
       and bool_and(concert_id = ${sql.placeholder('concertId')}::uuid)
       and bool_and(sales_phase = 'open')
       and not bool_or(admission_needed) as ok
    from locked
  ), hold as (
    insert into holds (token, concert_id, seat_ids, expires_at, holder)
    select ${sql.placeholder('token')}, ${sql.placeholder('concertId')}::uuid, ${seatIds}::int[],
           now() + make_interval(secs => ${sql.placeholder('ttlSeconds')}::int), ${sql.placeholder('holder')}::text
    from verdict where ok
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
         marked.change_seq::text, (select ok from verdict) as seats_ok
  from (${requestedSeatStates(sql`null::uuid`)}) as requested left join hold on true
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
  | { held: false; seats: RequestedSeatState[]; holderBusy: boolean };

export async function holdSeatsIfFree(
  db: Executor,
  input: {
    token: string;
    concertId: string;
    seatIds: number[];
    ttlSeconds: number;
    holder: string;
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
  return { held: false, seats: rows.map(toRequestedSeatState), holderBusy: first?.seats_ok === true };
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
