import { asc, eq, sql } from 'drizzle-orm';
import { QueryBuilder } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.js';
import { preparedStatement } from '../../db/prepared.js';
import { concerts, seats, ticketTiers } from '../../db/schema.js';

const seatIds = sql.placeholder('seatIds');

/**
 * The requested seats, locked in ascending id order so that bookings over overlapping seats queue
 * behind each other instead of deadlocking. In READ COMMITTED a row lock returns the newest committed
 * version of the row, so `booking_id` here is the seat's state after every earlier booking of it.
 */
const lockSeats = new QueryBuilder()
  .select({
    id: seats.id,
    concertId: seats.concertId,
    tierId: seats.tierId,
    label: seats.label,
    bookingId: seats.bookingId,
    priceCents: ticketTiers.priceCents,
    date: concerts.date,
  })
  .from(seats)
  .innerJoin(ticketTiers, eq(ticketTiers.id, seats.tierId))
  .innerJoin(concerts, eq(concerts.id, seats.concertId))
  .where(sql`${seats.id} = any(${seatIds}::int[])`)
  .orderBy(asc(seats.id))
  .for('update', { of: seats });

/**
 * The whole booking in one statement, and so in one transaction and one round trip: lock the seats,
 * re-check the locked rows (all exist, one concert, all free, not over), and only if every check
 * passes write the customer, the booking, the seats' new holder, the booking's seats and one sale
 * record per tier. The locked seats come back either way, so the caller can say what went wrong.
 */
const bookSeatsStatement = preparedStatement<{
  id: number;
  concert_id: string;
  tier_id: number;
  label: string;
  was_booked: boolean;
  price_cents: number;
  date: string;
  booking_id: string | null;
  created_at: Date | null;
}>(
  'book_seats',
  sql`
  with locked as (${lockSeats}),
  verdict as (
    select count(*) = cardinality(${seatIds}::int[])
       and count(distinct concert_id) = 1
       and bool_and(booking_id is null)
       and min(date) >= ${sql.placeholder('today')}::date as ok
    from locked
  ), customer as (
    insert into customers (email, name)
    select ${sql.placeholder('email')}, ${sql.placeholder('name')} from verdict where ok
    on conflict ((lower(email))) do update set name = excluded.name
    returning id
  ), booking as (
    insert into bookings (reference, concert_id, customer_id, user_name, user_email, total_cents)
    select ${sql.placeholder('reference')}, (select concert_id from locked limit 1), customer.id,
           ${sql.placeholder('name')}, ${sql.placeholder('email')}, (select sum(price_cents) from locked)
    from customer
    returning id, created_at
  ), taken as (
    update seats set booking_id = booking.id, change_seq = nextval('seat_change_seq')
    from booking where seats.id = any(${seatIds}::int[]) and seats.booking_id is null
  ), seats_written as (
    insert into booking_seats (booking_id, seat_id, price_cents)
    select booking.id, locked.id, locked.price_cents from booking, locked
  ), sales_written as (
    insert into sales (booking_id, concert_id, tier_id, quantity, price_cents, total_cents, seat_numbers, created_at)
    select booking.id, locked.concert_id, locked.tier_id, count(*), min(locked.price_cents), sum(locked.price_cents),
           array_agg(locked.label order by locked.id), booking.created_at
    from booking, locked
    group by booking.id, booking.created_at, locked.concert_id, locked.tier_id
  )
  select locked.id, locked.concert_id, locked.tier_id, locked.label, locked.booking_id is not null as was_booked,
         locked.price_cents, locked.date, booking.id as booking_id, booking.created_at
  from locked left join booking on true
  order by locked.id`,
);

export interface LockedSeat {
  id: number;
  concertId: string;
  tierId: number;
  label: string;
  wasBooked: boolean;
  priceCents: number;
  concertDate: string;
}

export interface BookingAttempt {
  seats: LockedSeat[];
  booking?: { id: string; createdAt: Date };
}

export async function bookSeatsIfFree(
  db: Executor,
  input: { seatIds: number[]; reference: string; name: string; email: string; today: string },
): Promise<BookingAttempt> {
  const { rows } = await bookSeatsStatement(db, input);
  const first = rows[0];
  return {
    seats: rows.map((row) => ({
      id: row.id,
      concertId: row.concert_id,
      tierId: row.tier_id,
      label: row.label,
      wasBooked: row.was_booked,
      priceCents: row.price_cents,
      concertDate: row.date,
    })),
    booking: first?.booking_id && first.created_at ? { id: first.booking_id, createdAt: new Date(first.created_at) } : undefined,
  };
}
