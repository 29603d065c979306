import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import type { BookingStatus } from 'hamro-concert.contracts';

export type EmailKind = 'tickets' | 'cancelled' | 'refunded';

/** An email claimed for sending, with what finds its booking (and, for a refund, the attempt refunded). */
export interface ClaimedEmail {
  id: number;
  event: string;
  kind: EmailKind;
  attempts: number;
  reference: string;
  email: string;
  language: 'en' | 'ne';
  /** For a refund: the order id of the payment refunded. */
  orderId: string | null;
}

/**
 * Claims emails that are due: each instance takes its own (SKIP LOCKED) and moves their next attempt
 * `claimSeconds` on, past what one send may take, so an email whose sender died comes due again by itself.
 */
export async function claimDueEmails(db: Executor, limit: number, claimSeconds: number): Promise<ClaimedEmail[]> {
  const { rows } = await db.execute<{
    id: string;
    event: string;
    kind: EmailKind;
    attempts: number;
    reference: string;
    user_email: string;
    language: 'en' | 'ne';
    order_id: string | null;
  }>(sql`
    with due as (
      select id from email_outbox where sent_at is null and next_attempt_at <= now()
      order by next_attempt_at limit ${limit} for update skip locked
    ), claimed as (
      update email_outbox o
      set attempts = o.attempts + 1, next_attempt_at = now() + make_interval(secs => ${claimSeconds}::int)
      from due where o.id = due.id
      returning o.id, o.event, o.kind, o.attempts, o.booking_id, o.payment_id
    )
    select claimed.id::text, claimed.event, claimed.kind, claimed.attempts, b.reference, b.user_email, b.language,
           p.order_id
    from claimed join bookings b on b.id = claimed.booking_id
    left join payments p on p.id = claimed.payment_id`);
  return rows.map((row) => ({
    id: Number(row.id),
    event: row.event,
    kind: row.kind,
    attempts: row.attempts,
    reference: row.reference,
    email: row.user_email,
    language: row.language,
    orderId: row.order_id,
  }));
}

export async function markSent(db: Executor, id: number): Promise<void> {
  await db.execute(sql`update email_outbox set sent_at = now(), last_error = null where id = ${id}`);
}

/** An email that no longer should go (tickets of a booking cancelled before they went out): done, with why. */
export async function markNotSent(db: Executor, id: number, why: string): Promise<void> {
  await db.execute(sql`update email_outbox set sent_at = now(), last_error = ${why} where id = ${id}`);
}

/** A failed send waits twice as long as the one before, from 2 seconds up to 10 minutes. */
export async function markFailed(db: Executor, id: number, error: string): Promise<void> {
  await db.execute(sql`
    update email_outbox
    set last_error = ${error.slice(0, 500)},
        next_attempt_at = now() + least(make_interval(secs => power(2, least(attempts, 12))::int), interval '10 minutes')
    where id = ${id}`);
}

/**
 * Owes a booking's tickets again (an organizer's resend): a new event of its own, so it is sent once more
 * however many instances run. Only for a confirmed booking: otherwise what the booking is, or undefined.
 */
export async function queueResend(db: Executor, reference: string): Promise<'queued' | BookingStatus | undefined> {
  const { rows } = await db.execute<{ status: BookingStatus; queued: boolean }>(sql`
    with booking as (select id, status from bookings where reference = ${reference}),
    queued as (
      insert into email_outbox (event, kind, booking_id)
      select 'resend:' || id || ':' || gen_random_uuid(), 'tickets', id from booking where status = 'confirmed'
      returning id)
    select booking.status, exists (select 1 from queued) as queued from booking`);
  const row = rows[0];
  return row?.queued ? 'queued' : row?.status;
}

/** The emails of a booking, newest first: what was owed, when it was sent, or why it has not been. */
export async function emailsOf(db: Executor, reference: string) {
  const { rows } = await db.execute<{
    kind: EmailKind;
    created_at: string;
    sent_at: string | null;
    attempts: number;
    last_error: string | null;
  }>(sql`
    select o.kind, o.created_at, o.sent_at, o.attempts, o.last_error
    from email_outbox o join bookings b on b.id = o.booking_id
    where b.reference = ${reference}
    order by o.id desc`);
  return rows;
}

/** Emails owed and not yet sent, and the age of the oldest: the backlog an operator watches. */
export async function backlog(db: Executor): Promise<{ waiting: number; oldestSeconds: number }> {
  const { rows } = await db.execute<{ waiting: string; oldest_seconds: number | null }>(sql`
    select count(*)::text as waiting, extract(epoch from now() - min(created_at))::float8 as oldest_seconds
    from email_outbox where sent_at is null`);
  return { waiting: Number(rows[0]?.waiting ?? 0), oldestSeconds: rows[0]?.oldest_seconds ?? 0 };
}
