import { sql } from 'drizzle-orm';
import { preparedStatement } from '../../db/prepared.js';
import { freedSeatsJson, markSeatChanged, returningFreedSeats, type FreedSeat } from '../seats/seats.state.js';

/**
 * The sale records of the bookings a CTE named `cte` has just confirmed (one per tier, dated now), from
 * their seats: a booking paid online, or switched to the door, gets them only then.
 */
export const salesOf = (cte: string) =>
  sql.raw(`insert into sales (booking_id, concert_id, tier_id, quantity, price_cents, total_cents, seat_numbers, created_at)
      select ${cte}.id, s.concert_id, s.tier_id, count(*), min(bs.price_cents), sum(bs.price_cents),
             array_agg(s.label order by s.id), now()
      from ${cte} join booking_seats bs on bs.booking_id = ${cte}.id join seats s on s.id = bs.seat_id
      group by ${cte}.id, s.concert_id, s.tier_id`);

const paymentId = sql.placeholder('paymentId');
const amountCents = sql.placeholder('amountCents');
const transactionId = sql.placeholder('transactionId');
const providerStatus = sql.placeholder('providerStatus');

/**
 * What paying did: `paid` (the booking is confirmed with its tickets), `paid-late` (its window had
 * ended but its seats were still free: taken again and confirmed), `refund` (the money came for a
 * booking that is paid already, cancelled, or whose seats are gone: owed back), `mismatch` (another
 * amount than asked: owed back, the booking stays unpaid), `already` (this attempt was settled before).
 */
export type SettleVerdict = 'paid' | 'paid-late' | 'refund' | 'mismatch' | 'already';

export interface SettleRow {
  verdict: SettleVerdict;
  booking_id: string;
  retaken: FreedSeat[] | null;
}

/**
 * Marking an attempt paid, as one prepared statement, in named parts:
 *
 *   bk          the booking, locked first (the order every statement takes a booking and its payments)
 *   pay         the attempt, locked second
 *   late_seats  for money after the window: the booking's seats, locked, to see whether they are free
 *   decision    what the money does (SettleVerdict)
 *   writes      the booking confirmed and its sale records written, or the money owed back; the seats
 *               taken again and the buyer's count restored for late money
 *
 * The return URL, a replayed return, a second tab and the reconciler may race: whichever comes first
 * decides, and every later one finds the attempt settled (`already`) and writes nothing.
 */
export const settlePayment = preparedStatement<SettleRow>(
  'settle_payment',
  sql`
    with bk as (
      select b.id, b.status, b.concert_id, lower(b.user_email) as email_key
      from bookings b where b.id = (select booking_id from payments where id = ${paymentId}::uuid) for update
    ), pay as (
      -- Read through bk, so locked after it: the booking before its payments, as a cancellation takes them.
      select id, booking_id, method, amount_cents, state from payments
      where id = ${paymentId}::uuid and booking_id = (select id from bk) for update
    ), late_seats as (
      -- Money after the window: the booking's own seats, locked, to see whether they are still free.
      select s.id, s.booking_id, s.held_until from seats s
      where s.id in (select bs.seat_id from booking_seats bs where bs.booking_id = (select id from bk))
        and (select status from bk) = 'expired' and (select state from pay) in ('awaiting', 'unpaid')
      order by s.id
      for update of s
    ), decision as (
      select case
        when (select state from pay) not in ('awaiting', 'unpaid') then 'already'
        when (select amount_cents from pay) <> ${amountCents}::bigint then 'mismatch'
        when (select status from bk) = 'awaiting_payment' then 'paid'
        when (select status from bk) = 'expired'
             and (select count(*) from late_seats) > 0
             and not exists (select 1 from late_seats where booking_id is not null or held_until > now()) then 'paid-late'
        else 'refund' end as verdict
    ), confirmed as (
      update bookings set status = 'confirmed', money = 'paid', paid_at = now(), payment_method = (select method from pay)
      from decision where bookings.id = (select id from bk) and decision.verdict in ('paid', 'paid-late')
      returning bookings.id
    ), owed as (
      update bookings set money = 'refund_due'
      from decision where bookings.id = (select id from bk) and decision.verdict = 'refund'
        and (select status from bk) <> 'confirmed'
    ), attempt as (
      update payments set
        state = (case when decision.verdict = 'mismatch' then 'mismatch' else 'completed' end)::payment_state,
        provider_status = ${providerStatus}::text, confirmed_cents = ${amountCents}::bigint,
        transaction_id = coalesce(${transactionId}::text, payments.transaction_id),
        completed_at = now(),
        refund_state = case when decision.verdict in ('refund', 'mismatch') then 'due'::refund_state end,
        refund_reason = case
          when decision.verdict = 'mismatch' then 'mismatch'
          when decision.verdict <> 'refund' then null
          when (select status from bk) = 'confirmed' then 'paid-twice'
          when (select status from bk) = 'expired' then 'late'
          else 'cancelled' end,
        refund_due_at = case when decision.verdict in ('refund', 'mismatch') then now() end
      from decision where payments.id = (select id from pay) and decision.verdict <> 'already'
    ), retaken as (
      update seats set booking_id = (select id from bk), hold_id = null, held_until = null, ${markSeatChanged}
      from decision where decision.verdict = 'paid-late' and seats.id in (select id from late_seats)
      ${returningFreedSeats}
    ), unreleased as (
      update booking_seats set released_at = null
      from decision where decision.verdict = 'paid-late' and booking_seats.booking_id = (select id from bk)
    ), quota_back as (
      -- Paid for, so counted again toward the buyer's limit, even past it: the money decides here.
      insert into buyer_seats (email_key, concert_id, seats)
      select bk.email_key, bk.concert_id, (select count(*)::int from late_seats)
      from bk, decision where decision.verdict = 'paid-late'
      on conflict (email_key, concert_id) do update set seats = buyer_seats.seats + excluded.seats
    ), sales_written as (
      ${salesOf('confirmed')}
    )
    select decision.verdict, (select booking_id from pay) as booking_id, ${freedSeatsJson('retaken')} as retaken
    from decision where exists (select 1 from pay)`,
);

const method = sql.placeholder('method');

/**
 * A new attempt for an awaiting booking, in one statement: only for the booking's own email, while
 * its window lasts, for a way its concert offers (online only in NPR; Khalti from NPR 10). No row: the
 * service reads the booking again to say which of those failed.
 */
export const startAttempt = preparedStatement<{
  id: string;
  order_id: string;
  amount_cents: string;
  reference: string;
  user_name: string;
  user_email: string;
  title: string;
}>(
  'start_payment',
  sql`
    with target as (
      select b.id, b.reference, b.total_cents, b.payment_due_at, b.user_name, b.user_email, c.title
      from bookings b join concerts c on c.id = b.concert_id
      where b.reference = ${sql.placeholder('reference')}::text
        and lower(b.user_email) = lower(${sql.placeholder('email')}::text)
        and b.status = 'awaiting_payment' and b.payment_due_at > now()
        and ${method}::payment_method = any(c.payment_methods) and c.currency = 'NPR'
        and (${method}::text <> 'khalti' or b.total_cents >= ${sql.placeholder('khaltiMinimum')}::bigint)
    ), attempt as (
      insert into payments (booking_id, method, order_id, amount_cents, expires_at, next_check_at)
      select id, ${method}::payment_method, reference || '-' || ${sql.placeholder('suffix')}::text, total_cents,
             payment_due_at + make_interval(secs => ${sql.placeholder('graceSeconds')}::float8),
             now() + make_interval(secs => ${sql.placeholder('firstCheckSeconds')}::float8)
      from target
      returning id, order_id, amount_cents
    )
    select attempt.id, attempt.order_id, attempt.amount_cents::text, target.reference, target.user_name,
           target.user_email, target.title
    from attempt, target`,
);

/** An attempt as a return or the reconciler needs it. */
export interface KnownPaymentRow {
  id: string;
  method: 'esewa' | 'khalti';
  order_id: string;
  provider_ref: string | null;
  amount_cents: string;
  state: 'awaiting' | 'completed' | 'unpaid' | 'mismatch';
  refund_state: 'due' | 'done' | null;
  ended: boolean;
  reference: string;
}

const knownPayment = (where: ReturnType<typeof sql>) => sql`
  select p.id, p.method, p.order_id, p.provider_ref, p.amount_cents::text, p.state, p.refund_state,
         p.expires_at <= now() as ended, b.reference
  from payments p join bookings b on b.id = p.booking_id
  where ${where}`;

export const paymentByOrder = preparedStatement<KnownPaymentRow>(
  'payment_by_order',
  knownPayment(sql`p.order_id = ${sql.placeholder('orderId')}::text`),
);
export const paymentByProviderRef = preparedStatement<KnownPaymentRow>(
  'payment_by_provider_ref',
  knownPayment(sql`p.method = ${method}::payment_method and p.provider_ref = ${sql.placeholder('providerRef')}::text`),
);

/** Khalti's pidx and expiry, once its initiate has answered. */
export const recordKhaltiStart = preparedStatement(
  'record_khalti_start',
  sql`update payments set provider_ref = ${sql.placeholder('providerRef')}::text,
        expires_at = ${sql.placeholder('expiresAt')}::timestamptz
      where id = ${paymentId}::uuid`,
);
