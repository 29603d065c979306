import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { bookings, concerts, payments } from '../../db/schema.js';
import { freedSeatsJson, markSeatChanged, returningFreedSeats, type FreedSeat } from '../seats/seats.state.js';
import type { BookingStatus, MoneyState, OnlinePaymentMethod, PaymentMethod } from 'hamro-concert.contracts';

/** A booking as paying for it needs it: what is owed, until when, and what its concert offers. */
export interface PayableBooking {
  id: string;
  reference: string;
  status: BookingStatus;
  money: MoneyState;
  totalCents: number;
  dueAt: Date | null;
  overdue: boolean;
  userName: string;
  userEmail: string;
  concertTitle: string;
  currency: string;
  paymentMethods: PaymentMethod[];
}

export async function findPayableBooking(
  db: Executor,
  reference: string,
  email: string,
): Promise<PayableBooking | undefined> {
  const [row] = await db
    .select({
      id: bookings.id,
      reference: bookings.reference,
      status: bookings.status,
      money: bookings.money,
      totalCents: bookings.totalCents,
      dueAt: bookings.paymentDueAt,
      overdue: sql<boolean>`coalesce(${bookings.paymentDueAt} <= now(), false)`,
      userName: bookings.userName,
      userEmail: bookings.userEmail,
      concertTitle: concerts.title,
      currency: concerts.currency,
      paymentMethods: concerts.paymentMethods,
    })
    .from(bookings)
    .innerJoin(concerts, eq(concerts.id, bookings.concertId))
    .where(and(eq(bookings.reference, reference), sql`lower(${bookings.userEmail}) = lower(${email})`));
  return row;
}

export type PaymentRow = typeof payments.$inferSelect;

/**
 * Switches an awaiting booking to cash at the door, in one statement under the booking's lock: it is
 * confirmed with its tickets and its sale records written. Only while its window lasts; a payment that
 * completes afterwards finds it confirmed, and is owed back.
 */
export async function switchToDoor(db: Executor, bookingId: string): Promise<boolean> {
  const { rows } = await db.execute<{ switched: boolean }>(sql`
    with target as (
      select id from bookings
      where id = ${bookingId} and status = 'awaiting_payment' and payment_due_at > now()
      for update
    ), switched as (
      update bookings set status = 'confirmed', money = 'at_door', payment_method = 'door', payment_due_at = null
      from target where bookings.id = target.id
      returning bookings.id
    ), sales_written as (
      insert into sales (booking_id, concert_id, tier_id, quantity, price_cents, total_cents, seat_numbers, created_at)
      select switched.id, s.concert_id, s.tier_id, count(*), min(bs.price_cents), sum(bs.price_cents),
             array_agg(s.label order by s.id), now()
      from switched join booking_seats bs on bs.booking_id = switched.id join seats s on s.id = bs.seat_id
      group by switched.id, s.concert_id, s.tier_id
    )
    select exists (select 1 from switched) as switched`);
  return rows[0]?.switched === true;
}

/** A new attempt, awaiting the provider; the reconciler first asks about it after `firstCheckSeconds`. */
export async function insertPayment(
  db: Executor,
  values: {
    bookingId: string;
    method: OnlinePaymentMethod;
    orderId: string;
    amountCents: number;
    expiresAt: Date;
    firstCheckSeconds: number;
  },
): Promise<PaymentRow> {
  const { firstCheckSeconds, ...row } = values;
  const [payment] = await db
    .insert(payments)
    .values({ ...row, nextCheckAt: sql`now() + make_interval(secs => ${firstCheckSeconds})` })
    .returning();
  return payment!;
}

/** Khalti's pidx and expiry, once its initiate has answered. */
export async function recordProviderStart(db: Executor, id: string, providerRef: string, expiresAt: Date) {
  await db.update(payments).set({ providerRef, expiresAt }).where(eq(payments.id, id));
}

export async function findPayment(
  db: Executor,
  by: { orderId: string } | { method: OnlinePaymentMethod; providerRef: string },
): Promise<(PaymentRow & { reference: string }) | undefined> {
  const where =
    'orderId' in by
      ? eq(payments.orderId, by.orderId)
      : and(eq(payments.method, by.method), eq(payments.providerRef, by.providerRef));
  const [row] = await db
    .select({ payment: payments, reference: bookings.reference })
    .from(payments)
    .innerJoin(bookings, eq(bookings.id, payments.bookingId))
    .where(where);
  return row && { ...row.payment, reference: row.reference };
}

export async function findPaymentById(db: Executor, id: string): Promise<PaymentRow | undefined> {
  const [row] = await db.select().from(payments).where(eq(payments.id, id));
  return row;
}

export function attemptsOf(db: Executor, bookingId: string): Promise<PaymentRow[]> {
  return db.select().from(payments).where(eq(payments.bookingId, bookingId)).orderBy(asc(payments.createdAt));
}

/**
 * What paying did: `paid` (the booking is confirmed with its tickets), `paid-late` (its window had
 * ended but its seats were still free: taken again and confirmed), `refund` (the money came for a
 * booking that is paid already, cancelled, or whose seats are gone: owed back), `mismatch` (another
 * amount than asked: owed back, the booking stays unpaid), `already` (this attempt was settled before).
 */
export type SettleVerdict = 'paid' | 'paid-late' | 'refund' | 'mismatch' | 'already';

/**
 * Marks an attempt paid, in one statement. The attempt's row is locked first, then its booking's, then
 * (for late money) the booking's seats, so the return URL, a replayed return, a second tab and the
 * reconciler may race: whichever comes first decides, and every later one finds the attempt settled
 * (`already`) and writes nothing. The booking is confirmed and its sale records written only here.
 */
export async function settlePaid(
  db: Executor,
  input: { paymentId: string; amountCents: number; transactionId: string | null; providerStatus: string },
): Promise<{ verdict: SettleVerdict; bookingId: string; retaken: FreedSeat[] } | undefined> {
  const { rows } = await db.execute<{ verdict: SettleVerdict; booking_id: string; retaken: FreedSeat[] | null }>(sql`
    with pay as (
      select id, booking_id, method, amount_cents, state from payments where id = ${input.paymentId} for update
    ), bk as (
      select b.id, b.status, b.concert_id, lower(b.user_email) as email_key
      from bookings b where b.id = (select booking_id from pay) for update
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
        when (select amount_cents from pay) <> ${input.amountCents}::bigint then 'mismatch'
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
        provider_status = ${input.providerStatus}, confirmed_cents = ${input.amountCents}::bigint,
        transaction_id = coalesce(${input.transactionId}::text, payments.transaction_id),
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
      insert into sales (booking_id, concert_id, tier_id, quantity, price_cents, total_cents, seat_numbers, created_at)
      select confirmed.id, s.concert_id, s.tier_id, count(*), min(bs.price_cents), sum(bs.price_cents),
             array_agg(s.label order by s.id), now()
      from confirmed join booking_seats bs on bs.booking_id = confirmed.id join seats s on s.id = bs.seat_id
      group by confirmed.id, s.concert_id, s.tier_id
    )
    select decision.verdict, (select booking_id from pay) as booking_id, ${freedSeatsJson('retaken')} as retaken
    from decision where exists (select 1 from pay)`);
  const row = rows[0];
  return row && { verdict: row.verdict, bookingId: row.booking_id, retaken: row.retaken ?? [] };
}

/** The provider says this attempt will not be paid: final, unless money later comes after all. */
export async function settleUnpaid(db: Executor, paymentId: string, providerStatus: string): Promise<void> {
  await db
    .update(payments)
    .set({ state: 'unpaid', providerStatus })
    .where(and(eq(payments.id, paymentId), eq(payments.state, 'awaiting')));
}

/** Notes what the provider said of an attempt it has not decided yet. */
export async function noteWaiting(db: Executor, paymentId: string, providerStatus: string): Promise<void> {
  await db.update(payments).set({ providerStatus }).where(eq(payments.id, paymentId));
}

export interface ClaimedPayment {
  id: string;
  method: OnlinePaymentMethod;
  orderId: string;
  providerRef: string | null;
  amountCents: number;
  ended: boolean;
}

/**
 * Claims attempts that are due to be asked about: each instance takes its own (SKIP LOCKED) and moves
 * their next check on, doubling the wait each time up to five minutes, so a crashed instance's claim
 * simply comes due again.
 */
export async function claimDuePayments(db: Executor, limit: number, baseSeconds: number): Promise<ClaimedPayment[]> {
  const { rows } = await db.execute<{
    id: string;
    method: OnlinePaymentMethod;
    order_id: string;
    provider_ref: string | null;
    amount_cents: string;
    ended: boolean;
  }>(sql`
    update payments p set checks = p.checks + 1,
      next_check_at = now() + least(make_interval(secs => ${baseSeconds}::float8 * power(2, least(p.checks, 12))),
                                    interval '5 minutes')
    where p.id in (
      select id from payments where state = 'awaiting' and next_check_at <= now()
      order by next_check_at limit ${limit} for update skip locked)
    returning p.id, p.method, p.order_id, p.provider_ref, p.amount_cents::text, p.expires_at <= now() as ended`);
  return rows.map((row) => ({
    id: row.id,
    method: row.method,
    orderId: row.order_id,
    providerRef: row.provider_ref,
    amountCents: Number(row.amount_cents),
    ended: row.ended,
  }));
}

/**
 * Ends the payment window of awaiting bookings whose time is up, in one statement: each booking is
 * marked expired, its seats released and freed, its buyer's count given back. SKIP LOCKED: a booking
 * being paid right now is left to its payment, and looked at again next round.
 */
export async function expireOverdueBookings(
  db: Executor,
  limit: number,
): Promise<{ expired: number; freed: FreedSeat[] }> {
  const { rows } = await db.execute<{ expired: number; freed: FreedSeat[] | null }>(sql`
    with due as (
      select id from bookings where status = 'awaiting_payment' and payment_due_at <= now()
      order by payment_due_at limit ${limit} for update skip locked
    ), expired as (
      update bookings b set status = 'expired', money = 'unpaid' from due where b.id = due.id
      returning b.id, b.concert_id, lower(b.user_email) as email_key
    ), released as (
      update booking_seats bs set released_at = now()
      from expired where bs.booking_id = expired.id and bs.released_at is null
      returning bs.booking_id, bs.seat_id
    ), freed as (
      update seats set booking_id = null, ${markSeatChanged}
      from released where seats.id = released.seat_id and seats.booking_id = released.booking_id
      ${returningFreedSeats}
    ), quota_returned as (
      update buyer_seats q set seats = q.seats - given_back.seats
      from (
        select expired.email_key, expired.concert_id, count(*)::int as seats
        from expired join released on released.booking_id = expired.id
        group by expired.email_key, expired.concert_id
      ) as given_back
      where q.email_key = given_back.email_key and q.concert_id = given_back.concert_id
    )
    select (select count(*)::int from expired) as expired, ${freedSeatsJson('freed')} as freed`);
  return { expired: rows[0]?.expired ?? 0, freed: rows[0]?.freed ?? [] };
}

/** Khalti refunds that are due and not being sent by another instance right now: claimed for a minute. */
export async function claimKhaltiRefunds(
  db: Executor,
  limit: number,
): Promise<{ id: string; transactionId: string }[]> {
  const { rows } = await db.execute<{ id: string; transaction_id: string }>(sql`
    update payments p set refund_claimed_until = now() + interval '1 minute'
    where p.id in (
      select id from payments
      where refund_state = 'due' and method = 'khalti' and transaction_id is not null
        and (refund_claimed_until is null or refund_claimed_until < now())
      order by refund_due_at limit ${limit} for update skip locked)
    returning p.id, p.transaction_id`);
  return rows.map((row) => ({ id: row.id, transactionId: row.transaction_id }));
}

/** Records a refund as done, and the booking's money as refunded if all it owed is back. */
export async function markRefunded(db: Executor, paymentId: string, by: 'provider' | 'hand'): Promise<boolean> {
  const { rows } = await db.execute<{ done: boolean }>(sql`
    with done as (
      update payments set refund_state = 'done', refunded_at = now(), refunded_by = ${by}
      where id = ${paymentId} and refund_state = 'due'
      returning booking_id
    ), booking as (
      update bookings b set money = 'refunded'
      from done where b.id = done.booking_id and b.money = 'refund_due'
        and not exists (select 1 from payments p where p.booking_id = b.id and p.refund_state = 'due' and p.id <> ${paymentId})
    )
    select exists (select 1 from done) as done`);
  return rows[0]?.done === true;
}

export interface RefundDueRow {
  paymentId: string;
  method: OnlinePaymentMethod;
  amountCents: number;
  transactionId: string | null;
  bookingReference: string;
  userName: string;
  userEmail: string;
  reason: string;
  since: Date;
}

/** Refunds owed, oldest first; for one concert if given. */
export async function refundsDue(db: Executor, concertId?: string): Promise<RefundDueRow[]> {
  const rows = await db
    .select({
      paymentId: payments.orderId,
      method: payments.method,
      amountCents: sql<string>`coalesce(${payments.confirmedCents}, ${payments.amountCents})::text`,
      transactionId: payments.transactionId,
      bookingReference: bookings.reference,
      userName: bookings.userName,
      userEmail: bookings.userEmail,
      reason: payments.refundReason,
      since: payments.refundDueAt,
    })
    .from(payments)
    .innerJoin(bookings, eq(bookings.id, payments.bookingId))
    .where(and(eq(payments.refundState, 'due'), concertId ? eq(bookings.concertId, concertId) : undefined))
    .orderBy(asc(payments.refundDueAt));
  return rows.map((row) => ({
    ...row,
    method: row.method as OnlinePaymentMethod,
    amountCents: Number(row.amountCents),
    reason: row.reason ?? 'cancelled',
    since: row.since ?? new Date(0),
  }));
}

export async function findPaymentIdByOrder(db: Executor, orderId: string): Promise<string | undefined> {
  const [row] = await db.select({ id: payments.id }).from(payments).where(eq(payments.orderId, orderId));
  return row?.id;
}

/** Records the cash of a booking to be paid at the door; undefined unless it was still to be paid. */
export async function collectCash(
  db: Executor,
  reference: string,
): Promise<{ at: Date; totalCents: number } | undefined> {
  const [row] = await db
    .update(bookings)
    .set({ money: 'cash_collected', cashCollectedAt: sql`now()` })
    .where(and(eq(bookings.reference, reference), eq(bookings.money, 'at_door'), eq(bookings.status, 'confirmed')))
    .returning({ at: bookings.cashCollectedAt, totalCents: bookings.totalCents });
  return row?.at ? { at: row.at, totalCents: row.totalCents } : undefined;
}
