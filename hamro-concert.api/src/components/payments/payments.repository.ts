import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { bookings, concerts, payments } from '../../db/schema.js';
import { freedSeatsJson, markSeatChanged, returningFreedSeats, type FreedSeat } from '../seats/seats.state.js';
import {
  paymentByOrder,
  paymentByProviderRef,
  recordKhaltiStart,
  settlePayment,
  startAttempt,
  type SettleVerdict,
} from './payments.statement.js';

export type { SettleVerdict } from './payments.statement.js';
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

/** Khalti's pidx and expiry, once its initiate has answered. */
export async function recordProviderStart(db: Executor, id: string, providerRef: string, expiresAt: Date) {
  await recordKhaltiStart(db, { paymentId: id, providerRef, expiresAt: expiresAt.toISOString() });
}

/** An attempt as a return or the reconciler needs it, with its booking's reference. */
export interface KnownPayment {
  id: string;
  method: OnlinePaymentMethod;
  orderId: string;
  providerRef: string | null;
  amountCents: number;
  state: 'awaiting' | 'completed' | 'unpaid' | 'mismatch';
  refundState: 'due' | 'done' | null;
  /** The provider's own end of the attempt has passed: "not paid yet" is now "unpaid". */
  ended: boolean;
  reference: string;
}

export async function findPayment(
  db: Executor,
  by: { orderId: string } | { method: OnlinePaymentMethod; providerRef: string },
): Promise<KnownPayment | undefined> {
  const { rows } = 'orderId' in by ? await paymentByOrder(db, by) : await paymentByProviderRef(db, by);
  const row = rows[0];
  return (
    row && {
      id: row.id,
      method: row.method,
      orderId: row.order_id,
      providerRef: row.provider_ref,
      amountCents: Number(row.amount_cents),
      state: row.state,
      refundState: row.refund_state,
      ended: row.ended,
      reference: row.reference,
    }
  );
}

/** A new attempt for an awaiting booking (see startAttempt); undefined if the booking may not start one. */
export async function insertAttempt(
  db: Executor,
  values: {
    reference: string;
    email: string;
    method: OnlinePaymentMethod;
    suffix: string;
    khaltiMinimum: number;
    graceSeconds: number;
    firstCheckSeconds: number;
  },
) {
  const { rows } = await startAttempt(db, values);
  const row = rows[0];
  return (
    row && {
      id: row.id,
      orderId: row.order_id,
      amountCents: Number(row.amount_cents),
      reference: row.reference,
      userName: row.user_name,
      userEmail: row.user_email,
      concertTitle: row.title,
    }
  );
}

export async function findPaymentById(db: Executor, id: string): Promise<PaymentRow | undefined> {
  const [row] = await db.select().from(payments).where(eq(payments.id, id));
  return row;
}

export function attemptsOf(db: Executor, bookingId: string): Promise<PaymentRow[]> {
  return db.select().from(payments).where(eq(payments.bookingId, bookingId)).orderBy(asc(payments.createdAt));
}

/** Marks an attempt paid: see settlePayment. */
export async function settlePaid(
  db: Executor,
  input: { paymentId: string; amountCents: number; transactionId: string | null; providerStatus: string },
): Promise<{ verdict: SettleVerdict; bookingId: string; retaken: FreedSeat[] } | undefined> {
  const { rows } = await settlePayment(db, input);
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
 * their next check on, doubling the wait each time up to a minute (a payment window is 15), so a crashed instance's claim
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
                                    interval '1 minute')
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
    with owner as (
      -- The booking first, then its payment, as every statement takes them.
      select b.id from bookings b where b.id = (select booking_id from payments where id = ${paymentId}) for update
    ), done as (
      update payments set refund_state = 'done', refunded_at = now(), refunded_by = ${by}
      where id = ${paymentId} and refund_state = 'due' and booking_id = (select id from owner)
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

export async function findPaymentIdByOrder(
  db: Executor,
  orderId: string,
): Promise<{ id: string; method: string } | undefined> {
  const [row] = await db
    .select({ id: payments.id, method: payments.method })
    .from(payments)
    .where(eq(payments.orderId, orderId));
  return row;
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
