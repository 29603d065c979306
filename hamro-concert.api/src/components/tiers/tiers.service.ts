import type { Db, Tx } from '../../db/client.js';
import {
  toPage,
  type Page,
  type PaginationQuery,
  formatCents,
  parseAmount,
  SECTION_OF_TICKET_TYPE,
  TICKET_TYPES,
  type NewTier,
  type Section,
  type TicketTier,
  type TierChanges,
  type TierSummary,
} from 'hamro-concert.contracts';
import { lockConcertRow } from '../../db/concert-lock.js';
import { conflict, notFound } from '../../http/errors.js';
import { toInstant } from '../../lib/instant.js';
import { DEFAULT_ROW_WIDTH, layoutSeats, rowsFor } from './tiers.layout.js';
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

/**
 * After a layout has added seats: the statistics only make later bookings faster, and the layout
 * is already committed, so a failure here must not turn its answer into an error.
 */
export async function refreshSeatStatistics(db: Db): Promise<void> {
  await repository.refreshSeatStatistics(db).catch(() => undefined);
}

/**
 * Records a tier and lays out its seats in `rows` (seats per row), inside the caller's transaction:
 * each tier of a new concert, or one added to a concert later. Returns the tier's id.
 */
export async function createTierWithSeats(
  tx: Tx,
  tier: { concertId: string; name: string; price: string; salesOpenAt?: string | null; salesCloseAt?: string | null },
  section: Section,
  rows: { row: number; seats: number }[],
): Promise<number> {
  const seats = layoutSeats(section, rows);
  const id = await repository.insertTier(tx, {
    concertId: tier.concertId,
    ticketTypeId: TICKET_TYPES[section],
    name: tier.name,
    priceCents: parseAmount(tier.price),
    total: seats.length,
    salesOpenAt: toInstant(tier.salesOpenAt ?? null),
    salesCloseAt: toInstant(tier.salesCloseAt ?? null),
  });
  await repository.insertSeats(
    tx,
    tier.concertId,
    seats.map((seat) => ({ ...seat, tierId: id, section })),
  );
  return id;
}

/** Adds a tier to a concert and lays out its seats in rows (POST /ticket-tiers). */
export async function addTier(db: Db, input: NewTier): Promise<TicketTier> {
  const section = SECTION_OF_TICKET_TYPE[input.ticketTypeId]!;
  const tierId = await db.transaction(async (tx) => {
    if (!(await lockConcertRow(tx, input.concertId, 'update'))) {
      throw notFound('concert-not-found', `There is no concert ${input.concertId}.`);
    }
    if (await repository.hasTierOfType(tx, input.concertId, input.ticketTypeId)) {
      throw conflict(
        'tier-exists',
        'This concert already has a tier for that section; change it with PUT /ticket-tiers.',
      );
    }
    const rows = rowsFor(input.total, input.seatsPerRow ?? DEFAULT_ROW_WIDTH[section], 0);
    const id = await createTierWithSeats(tx, input, section, rows);
    await repository.bumpLayoutVersion(tx, input.concertId);
    return id;
  });
  await refreshSeatStatistics(db);
  return getTier(db, tierId);
}

/**
 * Changes a tier (PUT /ticket-tiers). A new price applies to future sales only: each sale keeps the
 * price it was made at. A new total adds seats in new rows, or removes unused seats from the back,
 * and is refused if that would take away seats that are sold, held or have been booked.
 */
export async function changeTier(db: Db, changes: TierChanges): Promise<TicketTier> {
  const addsSeats = await db.transaction(async (tx) => {
    const tier = await repository.lockTier(tx, changes.id);
    if (!tier) throw notFound('ticket-tier-not-found', `There is no ticket tier ${changes.id}.`);
    const section = SECTION_OF_TICKET_TYPE[tier.ticketTypeId]!;
    if (changes.total !== undefined && changes.total !== tier.seats) {
      if (changes.total > tier.seats) {
        const rows = rowsFor(changes.total - tier.seats, DEFAULT_ROW_WIDTH[section], tier.lastRow);
        const seats = layoutSeats(section, rows, tier.lastLabel + 1);
        await repository.insertSeats(
          tx,
          tier.concertId,
          seats.map((seat) => ({ ...seat, tierId: tier.id, section })),
        );
      } else {
        const wanted = tier.seats - changes.total;
        const removed = await repository.removeUnusedSeats(tx, tier.id, wanted);
        if (removed < wanted) {
          throw conflict(
            'total-below-sold',
            `Only ${removed} of this tier's seats are unused; the total cannot drop to ${changes.total}.`,
            {
              lowestTotal: tier.seats - removed,
            },
          );
        }
      }
      await repository.bumpLayoutVersion(tx, tier.concertId);
    }
    await repository.updateTier(tx, tier.id, {
      ...(changes.name !== undefined && { name: changes.name }),
      ...(changes.price !== undefined && { priceCents: parseAmount(changes.price) }),
      ...(changes.total !== undefined && { total: changes.total }),
      ...(changes.salesOpenAt !== undefined && { salesOpenAt: toInstant(changes.salesOpenAt) }),
      ...(changes.salesCloseAt !== undefined && { salesCloseAt: toInstant(changes.salesCloseAt) }),
    });
    return changes.total !== undefined && changes.total > tier.seats;
  });
  if (addsSeats) await refreshSeatStatistics(db);
  return getTier(db, changes.id);
}

/** Deletes a tier and its seats (DELETE /ticket-tiers/:id), unless any of them is or was in use. */
export async function removeTier(db: Db, id: number): Promise<void> {
  await db.transaction(async (tx) => {
    const tier = await repository.lockTier(tx, id);
    if (!tier) throw notFound('ticket-tier-not-found', `There is no ticket tier ${id}.`);
    if (await repository.tierIsInUse(tx, id)) {
      throw conflict('tier-in-use', 'Seats of this tier are sold, held or have sales history; it cannot be deleted.');
    }
    await repository.deleteTier(tx, id);
    await repository.bumpLayoutVersion(tx, tier.concertId);
  });
}
