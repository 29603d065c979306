import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { bookings, concerts, payments } from '../../db/schema.js';
import type { FreedSeat } from '../seats/seats.state.js';
import {
  paymentByOrder,
  paymentByProviderRef,
  recordKhaltiStart,
  salesOf,
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
      ${salesOf('switched')}
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
