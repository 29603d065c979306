import { sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { freedSeatsJson, markSeatChanged, returningFreedSeats, type FreedSeat } from '../seats/seats.state.js';
import type { OnlinePaymentMethod } from 'hamro-concert.contracts';

/** An attempt to ask its provider about: the provider's reference for it, and whether its time is up. */
export interface ClaimedPayment {
  id: string;
  method: OnlinePaymentMethod;
  orderId: string;
  providerRef: string | null;
  amountCents: number;
  /** The provider's own end of the attempt has passed: "not paid yet" is now "unpaid". */
  ended: boolean;
}

/**
 * Claims attempts that are due to be asked about: each instance takes its own (SKIP LOCKED) and moves
 * their next check on, doubling the wait each time up to a minute (a payment window is 15), so a crashed
 * instance's claim simply comes due again.
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
