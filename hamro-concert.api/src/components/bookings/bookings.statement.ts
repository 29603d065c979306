import { sql } from 'drizzle-orm';
import { preparedStatement } from '../../db/prepared.js';
import { concerts, seats } from '../../db/schema.js';
import { markSeatChanged } from '../seats/seats.state.js';
import {
  lockFreeRequestedSeats,
  requestedSeatIds as seatIds,
  requestedSeatStates,
  type RequestedSeatRow,
} from '../seats/seats.locks.js';

/**
 * The booking statement, in the named parts it is made of. The whole booking is one statement, and
 * so one transaction and one round trip; each part is a CTE that reads the ones before it:
 *
 *   hold     the buyer's hold, if a token is given, locked before its seats
 *   locked   seat locking: the requested seats that are free (or the buyer's own hold's), in id order
 *   verdict  may these seats be booked: every one locked, of one concert, on sale, admitted, the hold's;
 *            and may they be paid for the way the buyer chose (the concert offers it, or they are free)
 *   quota    the seats added to the buyer's count, under that row's lock, only within the limit
 *   writes   customer, booking, the seats' new holder, the hold used, the Idempotency-Key, tickets, and
 *            the sales: at once for a booking paid at the door (or free), at payment for one paid online
 *   answer   every requested seat as it stands, with its ticket if the booking was made
 *
 * Nothing is written unless the verdict and the quota say yes: each write reads the one before it.
 * Either way the answer returns the requested seats, so a refused buyer learns why without another
 * round trip.
 */

const holdToken = sql.placeholder('holdToken');
const maxPerBuyer = sql.placeholder('maxPerBuyer');
/** How the buyer pays: door, esewa or khalti; the online ones only where the concert is priced in NPR. */
const payWith = sql.placeholder('payWith');

/**
 * With a token: the hold row, locked before its seats, in the order a release takes them (see
 * releaseActiveHold), so a release racing the booking waits for it or makes it find the hold released.
 * Without one the part is empty, and the statement touches neither the holds table nor its indexes:
 * fewer relations to lock and fewer plan nodes to set up on every plain booking.
 */
export const ownHold = (withHold: boolean) =>
  withHold
    ? sql`select id, status, seat_ids, expires_at > now() as live from holds where token = ${holdToken}::text for update`
    : sql`select null::uuid as id, null::hold_status as status, null::int[] as seat_ids, null::boolean as live where false`;

/** The buyer's own hold (the `hold` part) makes its seats lockable too. */
const ownHoldSeat = sql`(${seats.bookingId} is null and ${seats.holdId} = (select id from hold where status = 'active'))`;

/** Seat locking: `skipLocked` passes over seats another buyer is locking instead of waiting for them. */
export const seatLocking = (skipLocked: boolean) =>
  lockFreeRequestedSeats({
    skipLocked,
    alsoLockable: ownHoldSeat,
    extra: {
      payable: sql<boolean>`(${payWith}::payment_method = any(${concerts.paymentMethods})
        and (${payWith}::text = 'door' or ${concerts.currency} = 'NPR'))`.as('payable'),
    },
  });

/**
 * Every requested seat is among the locked ones, all of one concert whose sales are open, none
 * behind a waiting room the request has no pass for; and with a token, the hold covers exactly them.
 */
export const verdict = sql`
    select seats_ok and pay_ok as ok, seats_ok, pay_ok from (
      select count(*) = cardinality(${seatIds}::int[])
         and count(distinct concert_id) = 1
         and bool_and(sales_phase = 'open')
         and not bool_or(admission_needed)
         and (${holdToken}::text is null
              or exists (select 1 from hold where status = 'active' and seat_ids = ${seatIds}::int[])) as seats_ok,
         coalesce(sum(price_cents) = 0 or bool_and(payable), false) as pay_ok
      from locked) as parts`;

/**
 * The buyer's count for the concert, by lower-cased email: the upsert locks that row, so one buyer's
 * parallel bookings take turns, and the update re-reads the newest count; past the limit it writes
 * nothing and returns no row.
 */
export const quota = sql`
    insert into buyer_seats (email_key, concert_id, seats)
    select lower(${sql.placeholder('email')}), (select concert_id from locked limit 1), cardinality(${seatIds}::int[])
    from verdict where ok and cardinality(${seatIds}::int[]) <= ${maxPerBuyer}::int
    on conflict (email_key, concert_id) do update set seats = buyer_seats.seats + excluded.seats
      where buyer_seats.seats + excluded.seats <= ${maxPerBuyer}::int
    returning seats`;

/** The writes, as CTEs after `quota`: each writes only if the one it reads from did. */
export const writes = (withHold: boolean) => sql`customer as (
    insert into customers (email, name)
    select ${sql.placeholder('email')}, ${sql.placeholder('name')} from quota
    -- A known email keeps its name: a booking made with someone else's email changes nothing of theirs.
    on conflict ((lower(email))) do update set email = customers.email
    returning id
  ), terms as (
    -- What is owed and how: nothing, cash at the door, or an online payment the booking awaits.
    select sum(price_cents) as total,
           (case when sum(price_cents) = 0 then 'free' when ${payWith}::text = 'door' then 'at_door'
                 else 'awaiting' end)::money_state as money
    from locked
  ), booking as (
    insert into bookings (reference, concert_id, customer_id, user_name, user_email, total_cents,
                          status, money, payment_method, payment_due_at, language)
    select ${sql.placeholder('reference')}, (select concert_id from locked limit 1), customer.id,
           ${sql.placeholder('name')}, ${sql.placeholder('email')}, terms.total,
           (case when terms.money = 'awaiting' then 'awaiting_payment' else 'confirmed' end)::booking_status,
           terms.money, case when terms.total > 0 then ${payWith}::payment_method end,
           case when terms.money = 'awaiting'
                then now() + make_interval(mins => ${sql.placeholder('paymentWindowMinutes')}::int) end,
           ${sql.placeholder('language')}::text
    from customer, terms
    returning id, created_at, status, payment_due_at
  ), taken as (
    update seats set booking_id = booking.id, hold_id = null, held_until = null, ${markSeatChanged}
    from booking where seats.id in (select id from locked)
    returning seats.id, seats.change_seq
  ), ${
    withHold
      ? sql`hold_used as (
    update holds set status = 'confirmed', ended_at = now() from booking where holds.id = (select id from hold)
  ), `
      : sql``
  }key_linked as (
    -- With an Idempotency-Key, the key learns its booking in the booking's own transaction: a retry
    -- whose answer was lost after the commit finds the booking through it (see http/idempotency.ts).
    update idempotency_keys set booking_reference = ${sql.placeholder('reference')}
    from booking
    where idempotency_keys.endpoint = ${sql.placeholder('keyEndpoint')}::text
      and idempotency_keys.key = ${sql.placeholder('requestKey')}::text
  ), seats_written as (
    insert into booking_seats (booking_id, seat_id, price_cents)
    select booking.id, locked.id, locked.price_cents from booking, locked
    returning seat_id, ticket_code
  ), sales_written as (
    insert into sales (booking_id, concert_id, tier_id, quantity, price_cents, total_cents, seat_numbers, created_at)
    select booking.id, locked.concert_id, locked.tier_id, count(*), min(locked.price_cents), sum(locked.price_cents),
           array_agg(locked.label order by locked.id), booking.created_at
    from booking, locked
    where booking.status = 'confirmed'
    group by booking.id, booking.created_at, locked.concert_id, locked.tier_id
  )`;

/** The requested seats as the statement's snapshot saw them, with what the booking wrote for each. */
export const answer = sql`
  select requested.id, requested.concert_id, requested.tier_id, requested.label, requested.price_cents,
         requested.sales_phase, requested.admission_needed, requested.booked, requested.held_by_other,
         booking.id as booking_id, booking.created_at, booking.status as booking_status, booking.payment_due_at,
         (select live from hold) as hold_live, (select ok from verdict) as seats_ok,
         (select seats_ok and not pay_ok from verdict) as pay_refused,
         seats_written.ticket_code, taken.change_seq::text
  from (${requestedSeatStates(sql`(select id from hold)`)}) as requested left join booking on true
  left join seats_written on seats_written.seat_id = requested.id
  left join taken on taken.id = requested.id
  order by requested.id`;

export type BookingStatementRow = RequestedSeatRow & {
  tier_id: number;
  price_cents: number;
  booking_id: string | null;
  created_at: Date | null;
  booking_status: 'confirmed' | 'awaiting_payment' | null;
  payment_due_at: Date | null;
  hold_live: boolean | null;
  seats_ok: boolean | null;
  /** The seats could be booked, but not paid for the way the buyer chose. */
  pay_refused: boolean | null;
  ticket_code: string | null;
  change_seq: string | null;
};

/** The parts, top to bottom, as one statement. */
export const bookingStatement = ({ skipLocked, withHold }: { skipLocked: boolean; withHold: boolean }) => sql`
  with hold as (${ownHold(withHold)}),
  locked as (${seatLocking(skipLocked)}),
  verdict as (${verdict}),
  quota as (${quota}),
  ${writes(withHold)}
  ${answer}`;

/** Waits for each seat's lock: the buyer asked for these seats. */
export const bookChosenSeats = preparedStatement<BookingStatementRow>(
  'book_seats',
  bookingStatement({ skipLocked: false, withHold: false }),
);
/** The same, confirming the buyer's hold on them. */
export const bookHeldSeats = preparedStatement<BookingStatementRow>(
  'book_held_seats',
  bookingStatement({ skipLocked: false, withHold: true }),
);
/** Passes over seats another buyer is locking: the system chose them, and can choose others. */
export const bookOfferedSeats = preparedStatement<BookingStatementRow>(
  'book_seats_skip_locked',
  bookingStatement({ skipLocked: true, withHold: false }),
);
