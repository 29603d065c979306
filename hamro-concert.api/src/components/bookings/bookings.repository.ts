import { asc, eq, inArray, sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { arrayParam } from '../../db/sql-arrays.js';
import { concerts, seats, ticketTiers } from '../../db/schema.js';

export interface LockedSeat {
  id: number;
  concertId: string;
  concertDate: string;
  tierId: number;
  label: string;
  priceCents: number;
}

/**
 * Locks the seats, always in ascending id order, so two bookings over overlapping seats queue
 * behind each other instead of deadlocking. Waits at most lock_timeout for a busy seat.
 */
export function lockSeats(tx: Tx, seatIds: number[]): Promise<LockedSeat[]> {
  return tx
    .select({
      id: seats.id,
      concertId: seats.concertId,
      concertDate: concerts.date,
      tierId: seats.tierId,
      label: seats.label,
      priceCents: ticketTiers.priceCents,
    })
    .from(seats)
    .innerJoin(ticketTiers, eq(ticketTiers.id, seats.tierId))
    .innerJoin(concerts, eq(concerts.id, seats.concertId))
    .where(inArray(seats.id, seatIds))
    .orderBy(asc(seats.id))
    .for('update', { of: seats });
}

export interface BookingInsert {
  reference: string;
  concertId: string;
  userName: string;
  userEmail: string;
  totalCents: number;
  seats: LockedSeat[];
}

export type BookingInsertResult =
  | { ok: true; bookingId: string; createdAt: Date }
  | { ok: false; takenSeatIds: number[] };

/**
 * Writes a booking for seats this transaction has locked, in one statement: the customer, the
 * booking, its seats and one sale record per tier. Because the statement starts after the locks
 * were granted, its snapshot sees every booking committed before; if any seat is already in an
 * active booking, nothing is written and the taken seats come back instead.
 */
export async function insertBookingIfSeatsFree(tx: Tx, booking: BookingInsert): Promise<BookingInsertResult> {
  const seatIds = booking.seats.map((s) => s.id);
  const result = await tx.execute<{ booking_id: string | null; created_at: Date | null; taken: number[] }>(sql`
    with taken as (
      select seat_id from booking_seats
      where seat_id = any(${arrayParam(seatIds)}::int[]) and released_at is null
    ), customer as (
      insert into customers (email, name)
      select ${booking.userEmail}, ${booking.userName} where not exists (select 1 from taken)
      on conflict ((lower(email))) do update set name = excluded.name
      returning id
    ), booking as (
      insert into bookings (reference, concert_id, customer_id, user_name, user_email, total_cents)
      select ${booking.reference}, ${booking.concertId}, customer.id, ${booking.userName}, ${booking.userEmail},
             ${booking.totalCents}
      from customer
      returning id, created_at
    ), requested as (
      select * from unnest(
        ${arrayParam(seatIds)}::int[], ${arrayParam(booking.seats.map((s) => s.tierId))}::int[],
        ${arrayParam(booking.seats.map((s) => s.priceCents))}::int[], ${arrayParam(booking.seats.map((s) => s.label))}::text[]
      ) as r(seat_id, tier_id, price_cents, label)
    ), seats_written as (
      insert into booking_seats (booking_id, seat_id, concert_id, tier_id, price_cents)
      select booking.id, r.seat_id, ${booking.concertId}, r.tier_id, r.price_cents from booking, requested r
    ), sales_written as (
      insert into sales (booking_id, concert_id, tier_id, quantity, price_cents, total_cents, seat_numbers, created_at)
      select booking.id, ${booking.concertId}, r.tier_id, count(*), min(r.price_cents), sum(r.price_cents),
             array_agg(r.label order by r.seat_id), booking.created_at
      from booking, requested r
      group by booking.id, booking.created_at, r.tier_id
    )
    select (select id from booking) as booking_id,
           (select created_at from booking) as created_at,
           coalesce((select array_agg(seat_id order by seat_id) from taken), '{}') as taken`);
  const row = result.rows[0];
  if (row?.booking_id && row.created_at) return { ok: true, bookingId: row.booking_id, createdAt: new Date(row.created_at) };
  return { ok: false, takenSeatIds: row?.taken ?? seatIds };
}
