import type { Db } from '../../db/client.js';
import {
  toPage,
  type Page,
  type PaginationQuery,
  zonedInstant,
  type TierSummary,
  newConcertSchema,
  type Concert,
  type ConcertChanges,
  type NewConcert,
  offeredPaymentMethods,
  PAYMENT_METHODS,
  type PaymentMethod,
} from 'hamro-concert.contracts';
import { lockConcertRow } from '../../db/concert-lock.js';
import { conflict, notFound } from '../../http/errors.js';
import { toInstant } from '../../lib/instant.js';
import { createTierWithSeats, refreshSeatStatistics, tiersByConcert } from '../tiers/tiers.service.js';
import * as repository from './concerts.repository.js';

/** The ways to pay this server takes; a concert's answer offers only those (see offeredPaymentMethods). */
export type ServerMethods = readonly PaymentMethod[];

function toConcert(row: repository.ConcertRow, tiers: TierSummary[], server: ServerMethods): Concert {
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
    paymentMethods: offeredPaymentMethods(row, server),
    paymentMethodsChosen: row.paymentMethods,
    tiers,
  };
}

/** Upcoming concerts (today onwards on each venue's clock), soonest first, with each tier's live availability. */
export async function listConcerts(
  db: Db,
  query: PaginationQuery,
  server: ServerMethods = PAYMENT_METHODS,
): Promise<Page<Concert>> {
  const [rows, total] = await Promise.all([
    repository.findUpcoming(db, query.limit, (query.page - 1) * query.limit),
    repository.countUpcoming(db),
  ]);
  const tiers = await tiersByConcert(
    db,
    rows.map((row) => row.id),
  );
  return toPage(
    rows.map((row) => toConcert(row, tiers.get(row.id) ?? [], server)),
    total,
    query,
  );
}

export async function getConcert(db: Db, id: string, server: ServerMethods = PAYMENT_METHODS): Promise<Concert> {
  const row = await repository.findById(db, id);
  if (!row) throw notFound('concert-not-found', `There is no concert ${id}.`);
  const tiers = await tiersByConcert(db, [id]);
  return toConcert(row, tiers.get(id) ?? [], server);
}

/** Whether a concert exists; for other areas that only need to tell 404 from an empty result. */
export async function concertExists(db: Db, id: string): Promise<boolean> {
  return (await repository.findById(db, id)) !== undefined;
}

/** Refuses with 404 `concert-not-found` unless the concert exists. */
export async function assertConcertExists(db: Db, id: string): Promise<void> {
  if (!(await concertExists(db, id))) throw notFound('concert-not-found', `There is no concert ${id}.`);
}

export async function changeConcert(
  db: Db,
  id: string,
  changes: ConcertChanges,
  server: ServerMethods = PAYMENT_METHODS,
): Promise<Concert> {
  const { salesOpenAt, salesCloseAt, ...rest } = changes;
  const row = await repository.updateConcert(db, id, {
    ...rest,
    ...(salesOpenAt !== undefined && { salesOpenAt: toInstant(salesOpenAt) }),
    ...(salesCloseAt !== undefined && { salesCloseAt: toInstant(salesCloseAt) }),
  });
  if (!row) throw notFound('concert-not-found', `There is no concert ${id}.`);
  return getConcert(db, id, server);
}

/**
 * Deletes a concert unless it has active bookings. The concert row is locked first, and a booking
 * needs a key-share lock on it, so none can slip in between the check and the delete.
 */
export async function deleteConcert(db: Db, id: string): Promise<void> {
  await db.transaction(async (tx) => {
    if (!(await lockConcertRow(tx, id, 'update'))) throw notFound('concert-not-found', `There is no concert ${id}.`);
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
  server: ServerMethods = PAYMENT_METHODS,
): Promise<Concert> {
  const { tiers, timeZone, salesOpenAt, salesCloseAt, currency, paymentMethods, ...details } =
    newConcertSchema.parse(input);
  const priced = currency ?? defaults.currency;
  const id = await db.transaction(async (tx) => {
    const concert = await repository.insertConcert(tx, {
      ...details,
      timeZone: timeZone ?? defaults.timeZone,
      currency: priced,
      // Unsaid: every way there is, the online ones only for NPR.
      paymentMethods: paymentMethods ?? (priced === 'NPR' ? [...PAYMENT_METHODS] : ['door']),
      salesOpenAt: toInstant(salesOpenAt),
      salesCloseAt: toInstant(salesCloseAt),
    });
    for (const tier of tiers) {
      await createTierWithSeats(
        tx,
        { concertId: concert.id, name: tier.name, price: tier.price },
        tier.section,
        tier.rows,
      );
    }
    return concert.id;
  });
  await refreshSeatStatistics(db);
  return getConcert(db, id, server);
}
