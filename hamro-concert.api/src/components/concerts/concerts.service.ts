import type { Db } from '../../db/client.js';
import {
  toPage,
  type Page,
  type PaginationQuery,
  parseAmount,
  zonedInstant,
  SECTION_OF_TICKET_TYPE,
  TICKET_TYPES,
  type NewTier,
  type TicketTier,
  type TierChanges,
  type TierSummary,
  newConcertSchema,
  type Concert,
  type ConcertChanges,
  type NewConcert,
} from 'hamro-concert.contracts';
import { conflict, notFound } from '../../http/errors.js';
import { getTier, tiersByConcert } from '../tiers/tiers.service.js';
import { DEFAULT_ROW_WIDTH, layoutSeats, rowsFor } from './concerts.layout.js';
import * as repository from './concerts.repository.js';

/**
 * After a layout has added seats: the statistics only make later bookings faster, and the layout
 * is already committed, so a failure here must not turn its answer into an error.
 */
async function refreshSeatStatistics(db: Db): Promise<void> {
  await repository.refreshSeatStatistics(db).catch(() => undefined);
}

function toConcert(row: repository.ConcertRow, tiers: TierSummary[]): Concert {
  return {
    id: row.id,
    title: row.title,
    artist: row.artist,
    date: row.date,
    time: row.time,
    timeZone: row.timeZone,
    startsAt: zonedInstant(row.date, row.time, row.timeZone).toISOString(),
    currency: row.currency,
    salesOpenAt: row.salesOpenAt?.toISOString() ?? null,
    salesCloseAt: row.salesCloseAt?.toISOString() ?? null,
    venue: row.venue,
    city: row.city,
    image: row.image,
    description: row.description,
    tiers,
  };
}

/** Upcoming concerts (today onwards on each venue's clock), soonest first, with each tier's live availability. */
export async function listConcerts(db: Db, query: PaginationQuery): Promise<Page<Concert>> {
  const [rows, total] = await Promise.all([
    repository.findUpcoming(db, query.limit, (query.page - 1) * query.limit),
    repository.countUpcoming(db),
  ]);
  const tiers = await tiersByConcert(
    db,
    rows.map((row) => row.id),
  );
  return toPage(
    rows.map((row) => toConcert(row, tiers.get(row.id) ?? [])),
    total,
    query,
  );
}

export async function getConcert(db: Db, id: string): Promise<Concert> {
  const row = await repository.findById(db, id);
  if (!row) throw notFound('concert-not-found', `There is no concert ${id}.`);
  const tiers = await tiersByConcert(db, [id]);
  return toConcert(row, tiers.get(id) ?? []);
}

/** Whether a concert exists; for other areas that only need to tell 404 from an empty result. */
export async function concertExists(db: Db, id: string): Promise<boolean> {
  return (await repository.findById(db, id)) !== undefined;
}

/** Refuses with 404 `concert-not-found` unless the concert exists. */
export async function assertConcertExists(db: Db, id: string): Promise<void> {
  if (!(await concertExists(db, id))) throw notFound('concert-not-found', `There is no concert ${id}.`);
}

/** A sales window's bound as stored; null is no bound. */
export const toInstant = (value: string | null) => (value === null ? null : new Date(value));

export async function changeConcert(db: Db, id: string, changes: ConcertChanges): Promise<Concert> {
  const { salesOpenAt, salesCloseAt, ...rest } = changes;
  const row = await repository.updateConcert(db, id, {
    ...rest,
    ...(salesOpenAt !== undefined && { salesOpenAt: toInstant(salesOpenAt) }),
    ...(salesCloseAt !== undefined && { salesCloseAt: toInstant(salesCloseAt) }),
  });
  if (!row) throw notFound('concert-not-found', `There is no concert ${id}.`);
  return getConcert(db, id);
}

/**
 * Deletes a concert unless it has active bookings. The concert row is locked first, and a booking
 * needs a key-share lock on it, so none can slip in between the check and the delete.
 */
export async function deleteConcert(db: Db, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await repository.lockConcert(tx, id))) throw notFound('concert-not-found', `There is no concert ${id}.`);
    if ((await repository.countActiveBookings(tx, id)) > 0) {
      throw conflict('concert-has-bookings', 'This concert has active bookings; cancel them before deleting it.');
    }
    await repository.deleteConcertAndHistory(tx, id);
  });
}

/** What a concert gets when its organizer does not say: the venue's time zone and currency. */
export interface ConcertDefaults {
  timeZone: string;
  /** CURRENCY */
  currency: string;
}

/** Out of the box (VENUE_TIME_ZONE and CURRENCY unset): a venue in Nepal. */
export const CONCERT_DEFAULTS: ConcertDefaults = { timeZone: 'Asia/Kathmandu', currency: 'NPR' };

/** Creates a concert with its venue layout (tiers, rows, seats) in one transaction. */
export async function createConcert(
  db: Db,
  input: NewConcert,
  defaults: ConcertDefaults = CONCERT_DEFAULTS,
): Promise<Concert> {
  const { tiers, timeZone, salesOpenAt, salesCloseAt, currency, ...details } = newConcertSchema.parse(input);
  const id = await db.transaction(async (tx) => {
    const concert = await repository.insertConcert(tx, {
      ...details,
      timeZone: timeZone ?? defaults.timeZone,
      currency: currency ?? defaults.currency,
      salesOpenAt: toInstant(salesOpenAt),
      salesCloseAt: toInstant(salesCloseAt),
    });
    for (const tier of tiers) {
      const seats = layoutSeats(tier.section, tier.rows);
      const tierId = await repository.insertTier(tx, {
        concertId: concert.id,
        ticketTypeId: TICKET_TYPES[tier.section],
        name: tier.name,
        priceCents: parseAmount(tier.price),
        total: seats.length,
      });
      await repository.insertSeats(
        tx,
        concert.id,
        seats.map((seat) => ({ ...seat, tierId, section: tier.section })),
      );
    }
    return concert.id;
  });
  await refreshSeatStatistics(db);
  return getConcert(db, id);
}

/** Adds a tier to a concert and lays out its seats in rows (POST /ticket-tiers). */
export async function addTier(db: Db, input: NewTier): Promise<TicketTier> {
  const section = SECTION_OF_TICKET_TYPE[input.ticketTypeId]!;
  const tierId = await db.transaction(async (tx) => {
    if (!(await repository.lockConcert(tx, input.concertId))) {
      throw notFound('concert-not-found', `There is no concert ${input.concertId}.`);
    }
    if (await repository.hasTierOfType(tx, input.concertId, input.ticketTypeId)) {
      throw conflict(
        'tier-exists',
        'This concert already has a tier for that section; change it with PUT /ticket-tiers.',
      );
    }
    const id = await repository.insertTier(tx, {
      concertId: input.concertId,
      ticketTypeId: input.ticketTypeId,
      name: input.name,
      priceCents: parseAmount(input.price),
      total: input.total,
      salesOpenAt: toInstant(input.salesOpenAt ?? null),
      salesCloseAt: toInstant(input.salesCloseAt ?? null),
    });
    const seats = layoutSeats(section, rowsFor(input.total, input.seatsPerRow ?? DEFAULT_ROW_WIDTH[section], 0));
    await repository.insertSeats(
      tx,
      input.concertId,
      seats.map((seat) => ({ ...seat, tierId: id, section })),
    );
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
