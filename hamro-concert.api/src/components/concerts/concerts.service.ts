import type { Clock } from '../../lib/clock.js';
import type { Db } from '../../db/client.js';
import { toPage, type Page, type PaginationQuery } from '../../http/common.schemas.js';
import { conflict, notFound } from '../../http/errors.js';
import { parseAmount } from '../../lib/money.js';
import { TICKET_TYPES, type TierSummary } from '../tiers/tiers.schemas.js';
import { tiersByConcert } from '../tiers/tiers.service.js';
import { layoutSeats } from './concerts.layout.js';
import * as repository from './concerts.repository.js';
import { newConcertSchema, type Concert, type ConcertChanges, type NewConcert } from './concerts.schemas.js';

function toConcert(row: repository.ConcertRow, tiers: TierSummary[]): Concert {
  return {
    id: row.id,
    title: row.title,
    artist: row.artist,
    date: row.date,
    time: row.time,
    venue: row.venue,
    city: row.city,
    image: row.image,
    description: row.description,
    tiers,
  };
}

/** Upcoming concerts (today onwards), soonest first, with each tier's live availability. */
export async function listConcerts(db: Db, clock: Clock, query: PaginationQuery): Promise<Page<Concert>> {
  const today = clock.today();
  const [rows, total] = await Promise.all([
    repository.findUpcoming(db, today, query.limit, (query.page - 1) * query.limit),
    repository.countUpcoming(db, today),
  ]);
  const tiers = await tiersByConcert(db, rows.map((row) => row.id));
  return toPage(rows.map((row) => toConcert(row, tiers.get(row.id) ?? [])), total, query);
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

export async function changeConcert(db: Db, id: string, changes: ConcertChanges): Promise<Concert> {
  const row = await repository.updateConcert(db, id, changes);
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

/** Creates a concert with its venue layout (tiers, rows, seats) in one transaction. */
export async function createConcert(db: Db, input: NewConcert): Promise<Concert> {
  const { tiers, ...details } = newConcertSchema.parse(input);
  const id = await db.transaction(async (tx) => {
    const concert = await repository.insertConcert(tx, details);
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
  return getConcert(db, id);
}
