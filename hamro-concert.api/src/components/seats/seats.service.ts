import type { Db } from '../../db/client.js';
import { badRequest, busyTryAgain, conflict, notFound } from '../../http/errors.js';
import { getTier } from '../tiers/tiers.service.js';
import { bestPlacement, nearestSeats, type FreeSeat } from './seats.best-available.js';
import type { SeatInventories } from './seats.feed.js';
import type { SeatClaimsInFlight } from './seats.in-flight.js';
import { statusAt, type ConcertInventory } from './seats.inventory.js';
import type { RecentWriters } from './seats.writers.js';
import { SEAT_MAP_VERSION_HEADER, type Seat } from 'hamro-concert.contracts';

/**
 * After a write to a concert's seats by `clients` (see clientKeys): notes them as its writers, so
 * their next map reads show it, and returns the header their answer carries, the version of the map
 * in this instance now, which includes the write (see SEAT_MAP_VERSION_HEADER).
 */
export function wroteSeats(desk: SeatDesk, concertId: string | undefined, clients: readonly string[]) {
  if (!concertId) return {};
  desk.writers.note(concertId, clients);
  const version = desk.inventories.loadedInventory(concertId)?.version(Date.now());
  return version ? { [SEAT_MAP_VERSION_HEADER]: version } : {};
}

/** What bookings and holds share about seats in this process: claims in flight, the inventories, who wrote lately. */
export interface SeatDesk {
  inFlight: SeatClaimsInFlight;
  inventories: SeatInventories;
  writers: RecentWriters;
}

/** A concert's inventory, or 404 when there is no such concert. */
export async function concertInventory(inventories: SeatInventories, concertId: string): Promise<ConcertInventory> {
  const inventory = await inventories.get(concertId);
  if (!inventory) throw notFound('concert-not-found', `There is no concert ${concertId}.`);
  return inventory;
}

/**
 * A concert's inventory for a reader. It holds every write made through this instance. For a hall of
 * ordinary size the feed first reads what has committed up to this moment (one shared read for every
 * reader waiting), so whatever was booked, changed or deleted through any instance before the request
 * shows in its answer. A stadium's follows the feed, a few milliseconds behind other instances'
 * writes, unless the reader names a version (`minVersion`, from another instance's map or write) that
 * this instance is not at: then it catches up first the same way.
 */
export async function inventoryForReading(
  inventories: SeatInventories,
  concertId: string,
  minVersion?: string,
): Promise<ConcertInventory> {
  const inventory = await concertInventory(inventories, concertId);
  if (inventory.isStadium && (minVersion === undefined || minVersion === inventory.version(Date.now())))
    return inventory;
  await inventories.refresh();
  // The read may have found a new layout (a fresh inventory) or the concert gone.
  return concertInventory(inventories, concertId);
}

export async function listFreeSeats(inventories: SeatInventories, concertId: string): Promise<Seat[]> {
  const inventory = await inventoryForReading(inventories, concertId);
  const now = Date.now();
  return inventory.all
    .filter((seat) => statusAt(seat, now) === 'available')
    .map((seat) => ({
      id: seat.id,
      concertId,
      ticketTierId: seat.tierId,
      seatNumber: seat.label,
      row: seat.row,
      section: seat.section,
      isBooked: false,
      status: 'available' as const,
    }));
}

const BEST_AVAILABLE_ROUNDS = 24;
/** How long a request waits, in all, for seats other requests here are trying before it gives up. */
const MAX_WAIT_FOR_OFFERS_MS = 2_000;

/**
 * The tier's seats that can be offered now, row by row, read lazily so the chooser can stop early.
 * With `together`, only rows that could seat a group of `quantity` side by side are read, starting
 * at the first row that could at the last look (rows only fill up, until a seat is freed), and
 * moving that start on past rows that cannot.
 */
function* offerableRows(
  inventory: ConcertInventory,
  tierId: number,
  passedOver: Set<number>,
  quantity: number,
  together: boolean,
): Generator<FreeSeat[]> {
  const now = Date.now();
  const rows = inventory.rowsOf(tierId);
  let skipping = together;
  for (let index = together ? inventory.firstRowWithRoom(tierId, quantity) : 0; index < rows.length; index++) {
    const row = rows[index]!;
    const unbooked = row.seats.length - row.booked;
    if (unbooked === 0 || (together && unbooked < quantity)) {
      if (skipping) inventory.noRoomBefore(tierId, quantity, index + 1);
      continue;
    }
    const free: FreeSeat[] = [];
    let run = 0;
    let longest = 0;
    for (const seat of row.seats) {
      run = statusAt(seat, now) === 'available' ? run + 1 : 0;
      if (run > longest) longest = run;
      if (!passedOver.has(seat.id) && inventory.offerable(seat, now)) free.push(seat);
    }
    if (skipping && longest < quantity) inventory.noRoomBefore(tierId, quantity, index + 1);
    else skipping = false;
    if (free.length > 0) yield free;
  }
}

/** The best seats to offer now: side by side if a row can seat the group, else the nearest rows' seats. */
function chooseSeats(
  inventory: ConcertInventory,
  tierId: number,
  quantity: number,
  passedOver: Set<number>,
  spread: number,
): FreeSeat[] | undefined {
  return (
    bestPlacement(offerableRows(inventory, tierId, passedOver, quantity, true), quantity, spread) ??
    nearestSeats(offerableRows(inventory, tierId, passedOver, quantity, false), quantity)
  );
}

async function tierOfConcert(
  db: Db,
  inventory: ConcertInventory,
  request: { concertId: string; ticketTierId: number },
) {
  if (inventory.hasTier(request.ticketTierId)) return;
  const tier = await getTier(db, request.ticketTierId);
  if (tier.concertId !== request.concertId) {
    throw badRequest('tier-not-in-concert', `Ticket tier ${tier.id} belongs to another concert.`);
  }
}

/**
 * Best available: chooses the best free seats of a concert's tier from the inventory, in memory, and
 * offers them to `attempt`, which books or holds them in PostgreSQL without waiting for locks and
 * returns undefined when another buyer got some of them first. While an attempt runs its seats are
 * set aside here, so concurrent buyers on this instance are offered others; after a collision the
 * next best seats are chosen, leaving those out and picking among several good ones, so buyers on
 * other instances spread over the tier instead of reaching for the same candidates.
 */
export async function withBestAvailable<T>(
  db: Db,
  inventories: SeatInventories,
  request: { concertId: string; ticketTierId: number; quantity: number },
  attempt: (seatIds: number[]) => Promise<T | undefined>,
): Promise<T> {
  const inventory = await concertInventory(inventories, request.concertId);
  await tierOfConcert(db, inventory, request);
  const passedOver = new Set<number>();
  const waitUntil = Date.now() + MAX_WAIT_FOR_OFFERS_MS;
  for (let round = 0; round < BEST_AVAILABLE_ROUNDS;) {
    const chosen = chooseSeats(
      inventory,
      request.ticketTierId,
      request.quantity,
      passedOver,
      round === 0 ? 0 : 8 * round,
    );
    if (!chosen) {
      const free = inventory.freeInTier(request.ticketTierId, Date.now(), passedOver);
      if (free < request.quantity || Date.now() > waitUntil) {
        throw conflict('not-enough-seats', `This tier has fewer than ${request.quantity} seats free right now.`, {
          available: free,
        });
      }
      // Enough seats are free but other requests here are trying some of them: see how those end.
      await new Promise((resolve) => setTimeout(resolve, 5));
      continue;
    }
    round++;
    const seatIds = chosen.map((seat) => seat.id).sort((a, b) => a - b);
    inventory.setAside(seatIds, Date.now());
    let result: T | undefined;
    try {
      result = await attempt(seatIds);
    } finally {
      if (result === undefined) inventory.putBack(seatIds);
    }
    if (result !== undefined) return result;
    for (const id of seatIds) passedOver.add(id);
  }
  throw busyTryAgain('Many buyers are choosing these seats right now; please try again.');
}
