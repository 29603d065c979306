import { sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { type TestApp, get } from './harness.js';

/**
 * What must hold for a concert after any amount of concurrent booking: no seat in two active
 * bookings, none both booked and held; every tier's advertised availability equals its free seats; sold quantities equal
 * booked seats; every booking's total equals its sale records and its seats.
 */
export async function expectConsistent(app: TestApp, concertId: string): Promise<void> {
  const db = app.database.db;

  const doubles = await db.execute(sql`
    select b.seat_id from booking_seats b join seats s on s.id = b.seat_id
    where b.released_at is null and s.concert_id = ${concertId}
    group by b.seat_id having count(*) > 1`);
  expect(doubles.rows, 'seats in more than one active booking').toEqual([]);

  // A seat's holder and the booking's seat records tell the same story.
  const disagreements = await db.execute(sql`
    select s.id from seats s
    left join booking_seats b on b.seat_id = s.id and b.released_at is null
    where s.concert_id = ${concertId} and s.booking_id is distinct from b.booking_id`);
  expect(disagreements.rows, 'seats whose holder disagrees with booking_seats').toEqual([]);

  const counts = await db.execute(sql`
    select q.email_key, q.seats, coalesce(actual.n, 0) as actual from buyer_seats q
    left join (
      select lower(b.user_email) as email_key, count(*)::int as n from bookings b
      join booking_seats bs on bs.booking_id = b.id and bs.released_at is null
      where b.concert_id = ${concertId} group by 1
    ) actual on actual.email_key = q.email_key
    where q.concert_id = ${concertId} and q.seats <> coalesce(actual.n, 0)`);
  expect(counts.rows, "buyers' seat counts that disagree with their bookings").toEqual([]);

  const heldAndBooked = await db.execute(sql`
    select id from seats where concert_id = ${concertId} and booking_id is not null and hold_id is not null`);
  expect(heldAndBooked.rows, 'seats both booked and held').toEqual([]);

  const perTier = await db.execute<{ tier_id: number; unbooked: number; booked: number; sold: number }>(sql`
    select t.id as tier_id,
      (select count(*)::int from seats s where s.tier_id = t.id and not exists (
         select 1 from booking_seats b where b.seat_id = s.id and b.released_at is null)
         and (s.held_until is null or s.held_until <= now())) as unbooked,
      -- Sold: the seats of confirmed bookings; one awaiting its payment has its seats but no sale yet.
      (select count(*)::int from booking_seats b join seats s on s.id = b.seat_id
         join bookings bk on bk.id = b.booking_id and bk.status = 'confirmed'
         where s.tier_id = t.id and b.released_at is null) as booked,
      (select coalesce(sum(quantity), 0)::int from sales x where x.tier_id = t.id and x.status = 'confirmed') as sold
    from ticket_tiers t where t.concert_id = ${concertId} order by t.id`);

  const concert = await get(app, `/concerts/${concertId}`);
  expect(concert.status).toBe(200);
  const advertised = new Map<number, number>(
    concert.body.tiers.map((tier: { id: number; available: number }) => [tier.id, tier.available]),
  );
  for (const tier of perTier.rows) {
    expect(advertised.get(tier.tier_id), `tier ${tier.tier_id} available`).toBe(tier.unbooked);
    expect(tier.sold, `tier ${tier.tier_id} sold vs booked seats`).toBe(tier.booked);
  }

  const totals = await db.execute(sql`
    select b.id from bookings b
    where b.concert_id = ${concertId} and b.status = 'confirmed' and (
      b.total_cents <> (select coalesce(sum(total_cents), 0) from sales x where x.booking_id = b.id)
      or b.total_cents <> (select coalesce(sum(price_cents), 0) from booking_seats s where s.booking_id = b.id))`);
  expect(totals.rows, 'bookings whose totals disagree with their sales or seats').toEqual([]);

  // Money: a booking paid online has exactly one completed payment that stays; every other completed
  // payment of the concert is owed back (or was given back).
  const paidTwiceOrNot = await db.execute(sql`
    select b.reference from bookings b
    where b.concert_id = ${concertId} and b.money = 'paid'
      and (select count(*) from payments p
           where p.booking_id = b.id and p.state = 'completed' and p.refund_state is null) <> 1`);
  expect(paidTwiceOrNot.rows, 'paid bookings without exactly one payment kept').toEqual([]);
  const moneyWithoutSeats = await db.execute(sql`
    select p.order_id from payments p join bookings b on b.id = p.booking_id
    where b.concert_id = ${concertId} and p.state in ('completed', 'mismatch') and p.refund_state is null
      and not (b.status = 'confirmed' and b.money = 'paid')`);
  expect(moneyWithoutSeats.rows, 'money kept without a paid booking').toEqual([]);

  const map = await get(app, `/seats/concert/${concertId}`);
  const activeSeats = await db.execute<{ n: number }>(sql`
    select count(*)::int as n from booking_seats b join seats s on s.id = b.seat_id
    where s.concert_id = ${concertId} and b.released_at is null`);
  const bookedInDb = activeSeats.rows[0]!.n;
  expect(map.body.bookedSeats).toBe(bookedInDb);
  expect(map.body.seats.filter((seat: { isBooked: boolean }) => seat.isBooked)).toHaveLength(bookedInDb);
}

export async function countRows(
  app: TestApp,
  table: 'bookings' | 'booking_seats' | 'sales' | 'customers',
  concertId?: string,
) {
  const where =
    !concertId || table === 'customers'
      ? sql``
      : table === 'booking_seats'
        ? sql` where seat_id in (select id from seats where concert_id = ${concertId})`
        : sql` where concert_id = ${concertId}`;
  const result = await app.database.db.execute<{ n: number }>(
    sql`select count(*)::int as n from ${sql.identifier(table)}${where}`,
  );
  return result.rows[0]!.n;
}
