import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/client.js';
import { AppError, badRequest, conflict, notFound, busyTryAgain } from '../../http/errors.js';
import { concertExists } from '../concerts/concerts.service.js';
import * as repository from './holds.repository.js';
import { assertAdmitted, assertSalesOpen, assertSeatsFree, refuseOverBuyerLimit } from '../seats/seats.claims.js';
import { renewAdmission, type Admission } from '../waiting-room/waiting-room.service.js';
import { seatsTakenBy, type SeatClaim } from '../seats/seats.in-flight.js';
import { withBestAvailable, type SeatDesk } from '../seats/seats.service.js';
import type { BestAvailableHoldBody, CreateHoldBody, Hold } from 'hamro-concert.contracts';

export interface HoldSettings {
  ttlSeconds: number;
  /** MAX_TICKETS_PER_BUYER: a hold that names its buyer counts toward it. */
  maxTicketsPerBuyer: number;
}

/** Who asks to hold: one active hold per holder (an admission pass, else a browser session). */
export interface Holder {
  /** `pass:<entry>` or `session:<id>`. */
  key: string;
  /** The verified admission pass the request carries, if any. */
  admission: Admission | undefined;
}

function refuseSecondHold(): never {
  throw conflict(
    'one-hold-at-a-time',
    'You already hold seats. Book them or release that hold (DELETE /holds/{holdToken}) before holding others.',
  );
}

function toHold(row: repository.HoldRow): Hold {
  return {
    holdToken: row.token,
    concertId: row.concertId,
    seatIds: row.seatIds,
    expiresAt: row.expiresAt.toISOString(),
    status: row.status === 'active' && row.expired ? 'expired' : row.status,
  };
}

async function explainRefusal(db: Db, input: CreateHoldBody, seats: repository.RequestedSeatState[]) {
  const found = new Set(seats.map((seat) => seat.id));
  const missing = input.seatIds.filter((id) => !found.has(id));
  const elsewhere = seats.filter((seat) => seat.concertId !== input.concertId).map((seat) => seat.id);
  // Seats that all exist and belong to the concert prove it exists; only otherwise is it looked up.
  if ((missing.length > 0 || elsewhere.length > 0) && !(await concertExists(db, input.concertId))) {
    throw notFound('concert-not-found', `There is no concert ${input.concertId}.`);
  }
  if (missing.length > 0) {
    throw notFound('seat-not-found', `These seats do not exist: ${missing.join(', ')}.`, { seatIds: missing });
  }
  if (elsewhere.length > 0) {
    throw badRequest('seat-not-in-concert', 'Every seat of a hold must belong to its concert.', { seatIds: elsewhere });
  }
  assertSalesOpen(seats);
  assertAdmitted(seats);
  assertSeatsFree(seats);
}

/** One attempt to hold exactly these (ascending) seats: the hold, or the seats' states if it failed. */
async function tryHold(
  db: Db,
  settings: HoldSettings,
  concertId: string,
  seatIds: number[],
  email: string | undefined,
  skipLocked: boolean,
  desk: SeatDesk,
  holder: Holder,
): Promise<{ hold: Hold; claim: SeatClaim } | { seats: repository.RequestedSeatState[] }> {
  const attempt = () =>
    repository.holdSeatsIfFree(db, {
      token: randomBytes(24).toString('base64url'),
      concertId,
      seatIds,
      ttlSeconds: settings.ttlSeconds,
      holder: holder.key,
      buyerEmail: email ?? null,
      maxPerBuyer: settings.maxTicketsPerBuyer,
      admittedTo: holder.admission?.concertId ?? null,
      skipLocked,
    });
  let result = await attempt();
  // The seats were free but the holder still has a hold: once that has run out, it makes way.
  if (!result.held && result.holderBusy) {
    if (!(await repository.retireExpiredHold(db, holder.key))) refuseSecondHold();
    result = await attempt();
    if (!result.held && result.holderBusy) refuseSecondHold();
  }
  if (!result.held && result.overBuyerLimit) refuseOverBuyerLimit(settings.maxTicketsPerBuyer, seatIds.length);
  if (!result.held) return { seats: result.seats };
  await renewAdmission(db, holder.admission);
  const token = result.token;
  const heldUntil = result.expiresAt.getTime();
  desk.inventories.applyCommitted(
    concertId,
    result.seats.map((seat) => ({ id: seat.id, booked: false, heldUntil, seq: seat.changeSeq })),
  );
  return {
    hold: { holdToken: token, concertId, seatIds, expiresAt: result.expiresAt.toISOString(), status: 'active' },
    claim: { kind: 'held', concertId, seats: result.seats },
  };
}

/**
 * Sets seats aside for one buyer until the hold expires. Locks them like a booking does; a seat
 * booked or held by someone else makes the whole hold fail and nothing is written. A request for
 * seats of this concert that another hold or booking in this process is taking right now waits for
 * it, and is refused as soon as that goes through (see SeatClaimsInFlight).
 */
export async function holdSeats(
  db: Db,
  settings: HoldSettings,
  input: CreateHoldBody,
  desk: SeatDesk,
  holder: Holder,
): Promise<Hold> {
  const seatIds = [...input.seatIds].sort((a, b) => a - b);
  const claim = await desk.inFlight.covering(seatIds);
  if (claim?.concertId === input.concertId) assertSeatsFree(seatsTakenBy(claim, seatIds));
  const held = await desk.inFlight.track(
    seatIds,
    holdSeatsNow(db, settings, { ...input, seatIds }, desk, holder),
    (result) => result.claim,
  );
  return held.hold;
}

async function holdSeatsNow(db: Db, settings: HoldSettings, input: CreateHoldBody, desk: SeatDesk, holder: Holder) {
  for (let attempt = 1; attempt <= 2; attempt++) {
    const result = await tryHold(db, settings, input.concertId, input.seatIds, input.userEmail, false, desk, holder);
    if ('hold' in result) return result;
    await explainRefusal(db, input, result.seats);
  }
  throw busyTryAgain('These seats are changing hands right now; please try again.');
}

export async function getHold(db: Db, token: string): Promise<Hold> {
  const row = await repository.findHoldByToken(db, token);
  if (!row) throw notFound('hold-not-found', 'There is no hold with this token.');
  return toHold(row);
}

/**
 * The buyer gives their email to an active hold: from then on its seats count toward their limit.
 * Giving it again (or another) is allowed while the hold lasts; past the limit is 409.
 */
export async function nameHoldBuyer(db: Db, settings: HoldSettings, token: string, email: string): Promise<Hold> {
  const result = await repository.setHoldBuyer(db, { token, email, maxPerBuyer: settings.maxTicketsPerBuyer });
  if (!result) throw notFound('hold-not-found', 'There is no hold with this token.');
  const hold = toHold(result.hold);
  if (hold.status === 'confirmed') throw conflict('hold-already-used', 'This hold has already become a booking.');
  if (hold.status === 'released')
    throw new AppError(410, 'hold-released', 'This hold was released; choose seats again.');
  if (hold.status === 'expired') throw new AppError(410, 'hold-expired', 'This hold has expired; choose seats again.');
  if (!result.withinLimit) refuseOverBuyerLimit(settings.maxTicketsPerBuyer, hold.seatIds.length);
  return hold;
}

/**
 * Releases a hold early; returns its concert when this freed its seats. Releasing one that has already
 * ended is harmless; a confirmed one cannot be.
 */
export async function releaseHold(db: Db, desk: SeatDesk, token: string): Promise<string | undefined> {
  const released = await repository.releaseActiveHold(db, token);
  if (released) {
    desk.inventories.applyFreed(released.freed);
    return released.freed[0]?.concertId;
  }
  const row = await repository.findHoldByToken(db, token);
  if (!row) throw notFound('hold-not-found', 'There is no hold with this token.');
  if (row.status === 'confirmed') {
    throw conflict('hold-already-used', 'This hold has already become a booking; cancel the booking instead.');
  }
  return undefined;
}

/** Housekeeping for the periodic sweep: clears holds that ended more than a minute ago off their seats. */
export function tidyExpiredHolds(db: Db): Promise<number> {
  return repository.clearExpiredHolds(db, 60);
}

/** Holds the best available seats of a tier (see withBestAvailable). */
export async function holdBestAvailable(
  db: Db,
  settings: HoldSettings,
  input: BestAvailableHoldBody,
  desk: SeatDesk,
  holder: Holder,
): Promise<Hold> {
  return withBestAvailable(db, desk.inventories, input, async (seatIds) => {
    const result = await tryHold(db, settings, input.concertId, seatIds, input.userEmail, true, desk, holder);
    if ('hold' in result) return result.hold;
    assertSalesOpen(result.seats);
    assertAdmitted(result.seats);
    return undefined;
  });
}
