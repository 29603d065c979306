import type { Db } from '../../db/client.js';
import { formatCents, type SalesReport } from 'hamro-concert.contracts';
import { getConcert } from '../concerts/concerts.service.js';
import * as repository from './sales.repository.js';

const RECENT_BOOKINGS = 20;

/** Per tier: seats sold, held and free, and revenue from confirmed sales; and the latest bookings. */
export async function salesReport(db: Db, concertId: string): Promise<SalesReport> {
  const concert = await getConcert(db, concertId);
  const [tiers, recent, money] = await Promise.all([
    repository.findTierSales(db, concertId),
    repository.findRecentBookings(db, concertId, RECENT_BOOKINGS),
    repository.findMoney(db, concertId),
  ]);
  const sum = (pick: (tier: repository.TierSales) => number) => tiers.reduce((total, tier) => total + pick(tier), 0);
  return {
    concertId,
    title: concert.title,
    tiers: tiers.map(({ priceCents, revenueCents, ...tier }) => ({
      ...tier,
      price: formatCents(priceCents),
      revenue: formatCents(revenueCents),
    })),
    totals: {
      sold: sum((t) => t.sold),
      held: sum((t) => t.held),
      free: sum((t) => t.free),
      revenue: formatCents(sum((t) => t.revenueCents)),
    },
    money: {
      paidOnline: formatCents(money.paidOnline),
      unpaidAtDoor: formatCents(money.unpaidAtDoor),
      cashCollected: formatCents(money.cashCollected),
      free: money.free,
      awaitingPayment: formatCents(money.awaiting),
      refundsDone: formatCents(money.refundsDone),
      refundsDue: formatCents(money.refundsDue),
      mismatches: money.mismatches,
    },
    recentBookings: recent.map(({ totalCents, createdAt, ...booking }) => ({
      ...booking,
      totalAmount: formatCents(totalCents),
      createdAt: createdAt.toISOString(),
    })),
  };
}
