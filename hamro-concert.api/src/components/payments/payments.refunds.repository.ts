import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { bookings, payments } from '../../db/schema.js';
import type { OnlinePaymentMethod } from 'hamro-concert.contracts';

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
