import { asc, count, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.js';
import { ticketTiers } from '../../db/schema.js';

export interface TierRow {
  id: number;
  concertId: string;
  ticketTypeId: number;
  name: string;
  priceCents: number;
  total: number;
  available: number;
  salesOpenAt: Date | null;
  salesCloseAt: Date | null;
}

/**
 * Stock is derived from the seats: a tier's free seats (not booked, not held), counted from a partial
 * index. No counter row
 * that every booking of the tier would have to lock. (Written with explicit qualifiers: Drizzle leaves
 * column references in select fields unqualified.)
 */
const available = sql<number>`(
  select count(*)::int from seats s where s.tier_id = "ticket_tiers"."id" and s.booking_id is null
    and (s.held_until is null or s.held_until <= now()))`;

function selectTiers(db: Executor, where?: SQL) {
  return db
    .select({
      id: ticketTiers.id,
      concertId: ticketTiers.concertId,
      ticketTypeId: ticketTiers.ticketTypeId,
      name: ticketTiers.name,
      priceCents: ticketTiers.priceCents,
      total: ticketTiers.total,
      available,
      salesOpenAt: ticketTiers.salesOpenAt,
      salesCloseAt: ticketTiers.salesCloseAt,
    })
    .from(ticketTiers)
    .where(where)
    .orderBy(asc(ticketTiers.concertId), asc(ticketTiers.ticketTypeId), asc(ticketTiers.id));
}

export function findTiersOfConcerts(db: Executor, concertIds: string[]): Promise<TierRow[]> {
  if (concertIds.length === 0) return Promise.resolve([]);
  return selectTiers(db, inArray(ticketTiers.concertId, concertIds));
}

export function findAllTiers(db: Executor): Promise<TierRow[]> {
  return selectTiers(db);
}

export function findTierPage(db: Executor, limit: number, offset: number): Promise<TierRow[]> {
  return selectTiers(db).limit(limit).offset(offset);
}

export async function countTiers(db: Executor): Promise<number> {
  const [row] = await db.select({ value: count() }).from(ticketTiers);
  return row?.value ?? 0;
}

export async function findTierById(db: Executor, id: number): Promise<TierRow | undefined> {
  const [row] = await selectTiers(db, eq(ticketTiers.id, id));
  return row;
}
