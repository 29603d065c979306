import { desc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { bookings } from '../../db/schema.js';

export interface TierSales {
  ticketTierId: number;
  name: string;
  priceCents: number;
  total: number;
  sold: number;
  held: number;
  free: number;
  revenueCents: number;
}

export async function findTierSales(db: Executor, concertId: string): Promise<TierSales[]> {
  const { rows } = await db.execute<{
    id: number;
    name: string;
    price_cents: number;
    total: number;
    sold: number;
    held: number;
    free: number;
    revenue_cents: number;
  }>(sql`
    select t.id, t.name, t.price_cents, t.total,
      count(s.id) filter (where s.booking_id is not null)::int as sold,
      count(s.id) filter (where s.booking_id is null and s.held_until > now())::int as held,
      count(s.id) filter (where s.booking_id is null and (s.held_until is null or s.held_until <= now()))::int as free,
      (select coalesce(sum(x.total_cents), 0)::bigint from sales x where x.tier_id = t.id and x.status = 'confirmed') as revenue_cents
    from ticket_tiers t left join seats s on s.tier_id = t.id
    where t.concert_id = ${concertId}
    group by t.id order by t.ticket_type_id, t.id`);
  return rows.map((row) => ({
    ticketTierId: row.id,
    name: row.name,
    priceCents: row.price_cents,
    total: row.total,
    sold: row.sold,
    held: row.held,
    free: row.free,
    revenueCents: row.revenue_cents,
  }));
}

export function findRecentBookings(db: Executor, concertId: string, limit: number) {
  return db
    .select({
      reference: bookings.reference,
      userName: bookings.userName,
      userEmail: bookings.userEmail,
      seatCount: sql<number>`(select count(*)::int from booking_seats bs where bs.booking_id = "bookings"."id")`,
      totalCents: bookings.totalCents,
      status: bookings.status,
      createdAt: bookings.createdAt,
    })
    .from(bookings)
    .where(eq(bookings.concertId, concertId))
    .orderBy(desc(bookings.createdAt))
    .limit(limit);
}
