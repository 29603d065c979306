import type { Db } from '../../db/client.js';
import {
  toPage,
  type Page,
  type PaginationQuery,
  formatCents,
  type TicketTier,
  type TierSummary,
} from 'hamro-concert.contracts';
import { notFound } from '../../http/errors.js';
import * as repository from './tiers.repository.js';

function toTicketTier(row: repository.TierRow): TicketTier {
  return {
    id: row.id,
    concertId: row.concertId,
    ticketTypeId: row.ticketTypeId,
    name: row.name,
    price: formatCents(row.priceCents),
    total: row.total,
    available: row.available,
    salesOpenAt: row.salesOpenAt?.toISOString() ?? null,
    salesCloseAt: row.salesCloseAt?.toISOString() ?? null,
  };
}

/** The tiers of each concert with live availability, for the concert views. */
export async function tiersByConcert(db: Db, concertIds: string[]): Promise<Map<string, TierSummary[]>> {
  const byConcert = new Map<string, TierSummary[]>(concertIds.map((id) => [id, []]));
  for (const row of await repository.findTiersOfConcerts(db, concertIds)) {
    const { id, name, price, total, available, salesOpenAt, salesCloseAt } = toTicketTier(row);
    byConcert.get(row.concertId)?.push({ id, name, price, total, available, salesOpenAt, salesCloseAt });
  }
  return byConcert;
}

export async function listAllTiers(db: Db): Promise<TicketTier[]> {
  return (await repository.findAllTiers(db)).map(toTicketTier);
}

export async function listTiers(db: Db, query: PaginationQuery): Promise<Page<TicketTier>> {
  const [rows, total] = await Promise.all([
    repository.findTierPage(db, query.limit, (query.page - 1) * query.limit),
    repository.countTiers(db),
  ]);
  return toPage(rows.map(toTicketTier), total, query);
}

export async function getTier(db: Db, id: number): Promise<TicketTier> {
  const row = await repository.findTierById(db, id);
  if (!row) throw notFound('ticket-tier-not-found', `There is no ticket tier ${id}.`);
  return toTicketTier(row);
}
