import { promisify } from 'node:util';
import zlib from 'node:zlib';
import type { Db } from '../../db/client.js';
import { AppError, badRequest, conflict, notFound } from '../../http/errors.js';
import { getTier } from '../tiers/tiers.service.js';
import { concertExists } from '../concerts/concerts.service.js';
import { chooseBestSeats } from './seats.best-available.js';
import * as repository from './seats.repository.js';
import type { Seat, SeatMap } from './seats.schemas.js';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

export type Encoding = 'br' | 'gzip' | 'identity';

/** A seat map rendered once per version: the JSON and, on first demand, its compressed forms. */
export interface RenderedSeatMap {
  etag: string;
  json: Buffer;
  encoded(encoding: Encoding): Promise<Buffer>;
}

const MAX_CACHED_MAPS = 32;

function render(map: SeatMap, version: string, concertId: string): RenderedSeatMap {
  const json = Buffer.from(JSON.stringify(map));
  const forms = new Map<Encoding, Promise<Buffer>>([['identity', Promise.resolve(json)]]);
  return {
    etag: `"seats-${concertId}-${version.replace(/\W/g, '-')}"`,
    json,
    encoded(encoding) {
      let form = forms.get(encoding);
      if (!form) {
        form =
          encoding === 'br'
            ? brotli(json, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } })
            : gzip(json, { level: 6 });
        forms.set(encoding, form);
      }
      return form;
    },
  };
}

export function seatMapOf(seats: Seat[]): SeatMap {
  const count = (status: Seat['status']) => seats.reduce((n, seat) => n + (seat.status === status ? 1 : 0), 0);
  return {
    seats,
    totalSeats: seats.length,
    availableSeats: count('available'),
    bookedSeats: count('booked'),
    heldSeats: count('held'),
  };
}

/**
 * Seat maps are read far more often than they change, and a large venue's map is megabytes of JSON.
 * Each map is built once per version (one cheap query tells the version, so every API instance
 * stays exact), and concurrent readers of a new version share one build.
 */
export function createSeatMapCache(db: Db) {
  const cache = new Map<string, { version: string; rendered: Promise<RenderedSeatMap> }>();

  async function build(concertId: string, version: string): Promise<RenderedSeatMap> {
    const seats = await repository.findSeatsOfConcert(db, concertId);
    return render(seatMapOf(seats), version, concertId);
  }

  return async function getRenderedSeatMap(concertId: string): Promise<RenderedSeatMap> {
    const version = await repository.findSeatMapVersion(db, concertId);
    if (version === undefined) throw notFound('concert-not-found', `There is no concert ${concertId}.`);
    const hit = cache.get(concertId);
    if (hit?.version === version) return hit.rendered;

    const rendered = build(concertId, version);
    cache.delete(concertId);
    cache.set(concertId, { version, rendered });
    if (cache.size > MAX_CACHED_MAPS) cache.delete(cache.keys().next().value as string);
    rendered.catch(() => {
      if (cache.get(concertId)?.rendered === rendered) cache.delete(concertId);
    });
    return rendered;
  };
}

export async function listFreeSeats(db: Db, concertId: string): Promise<Seat[]> {
  const seats = await repository.findFreeSeatsOfConcert(db, concertId);
  if (seats.length === 0 && !(await concertExists(db, concertId))) {
    throw notFound('concert-not-found', `There is no concert ${concertId}.`);
  }
  return seats;
}

const BEST_AVAILABLE_ROUNDS = 24;

/**
 * Best available: offers the best free seats of a concert's tier to `attempt`, which books or holds
 * them without waiting for locks and returns undefined when another buyer got some of them first.
 * Then the next best seats are offered, leaving those out and picking among several good ones, so
 * concurrent buyers spread over the tier instead of queueing on the same candidates.
 */
export async function withBestAvailable<T>(
  db: Db,
  request: { concertId: string; ticketTierId: number; quantity: number },
  attempt: (seatIds: number[]) => Promise<T | undefined>,
): Promise<T> {
  const tier = await getTier(db, request.ticketTierId);
  if (tier.concertId !== request.concertId) {
    throw badRequest('tier-not-in-concert', `Ticket tier ${tier.id} belongs to another concert.`);
  }
  const passedOver = new Set<number>();
  for (let round = 0; round < BEST_AVAILABLE_ROUNDS; round++) {
    const free = (await repository.findFreeSeatsOfTier(db, tier.id)).filter((seat) => !passedOver.has(seat.id));
    const chosen = chooseBestSeats(free, request.quantity, round === 0 ? 0 : 24 * round);
    if (!chosen) {
      throw conflict('not-enough-seats', `${tier.name} has fewer than ${request.quantity} seats free right now.`, {
        available: free.length,
      });
    }
    const seatIds = chosen.map((seat) => seat.id).sort((a, b) => a - b);
    const result = await attempt(seatIds);
    if (result !== undefined) return result;
    for (const id of seatIds) passedOver.add(id);
  }
  throw new AppError(
    503,
    'busy-try-again',
    'Many buyers are choosing these seats right now; please try again.',
    {},
    {
      'Retry-After': '1',
    },
  );
}
