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
      paymentMethod: bookings.paymentMethod,
      paymentState: bookings.money,
      createdAt: bookings.createdAt,
    })
    .from(bookings)
    .where(eq(bookings.concertId, concertId))
    .orderBy(desc(bookings.createdAt))
    .limit(limit);
}

/** Where the concert's money stands, in paisa: by the state of each booking's money, and its refunds. */
export async function findMoney(db: Executor, concertId: string) {
  const { rows } = await db.execute<{
    paid_online: string;
    unpaid_at_door: string;
    cash_collected: string;
    free: number;
    awaiting: string;
    refunds_done: string;
    refunds_due: string;
    mismatches: number;
  }>(sql`
    select
      coalesce(sum(total_cents) filter (where status = 'confirmed' and money = 'paid'), 0)::text as paid_online,
      coalesce(sum(total_cents) filter (where status = 'confirmed' and money = 'at_door'), 0)::text as unpaid_at_door,
      coalesce(sum(total_cents) filter (where money = 'cash_collected'), 0)::text as cash_collected,
      (count(*) filter (where money = 'free'))::int as free,
      coalesce(sum(total_cents) filter (where status = 'awaiting_payment'), 0)::text as awaiting,
      (select coalesce(sum(coalesce(p.confirmed_cents, p.amount_cents)) filter (where p.refund_state = 'done'), 0)::text
         from payments p join bookings pb on pb.id = p.booking_id where pb.concert_id = ${concertId}) as refunds_done,
      (select coalesce(sum(coalesce(p.confirmed_cents, p.amount_cents)) filter (where p.refund_state = 'due'), 0)::text
         from payments p join bookings pb on pb.id = p.booking_id where pb.concert_id = ${concertId}) as refunds_due,
      (select count(*)::int from payments p join bookings pb on pb.id = p.booking_id
         where pb.concert_id = ${concertId} and p.state = 'mismatch') as mismatches
    from bookings where concert_id = ${concertId}`);
  const row = rows[0]!;
  return {
    paidOnline: Number(row.paid_online),
    unpaidAtDoor: Number(row.unpaid_at_door),
    cashCollected: Number(row.cash_collected),
    free: row.free,
    awaiting: Number(row.awaiting),
    refundsDone: Number(row.refunds_done),
    refundsDue: Number(row.refunds_due),
    mismatches: row.mismatches,
  };
}
