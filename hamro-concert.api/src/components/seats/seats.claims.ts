import { AppError, conflict } from '../../http/errors.js';
import type { RequestedSeatState } from './seats.locks.js';

/** Errors for seats someone else has: booked ones first, then ones another buyer is holding. */
export function assertSeatsFree(seats: { id: number; label: string; booked: boolean; held: boolean }[]): void {
  const booked = seats.filter((seat) => seat.booked);
  if (booked.length > 0) {
    throw conflict('seat-already-booked', `Someone else has already booked ${booked.map((s) => s.label).join(', ')}.`, {
      seats: booked.map((seat) => ({ id: seat.id, seatNumber: seat.label })),
    });
  }
  const held = seats.filter((seat) => seat.held);
  if (held.length > 0) {
    throw conflict(
      'seat-held',
      `${held.map((s) => s.label).join(', ')} ${held.length === 1 ? 'is' : 'are'} being checked out by someone else right now.`,
      { seats: held.map((seat) => ({ id: seat.id, seatNumber: seat.label })) },
    );
  }
}

/**
 * Refuses seats outside their sales window (see salesPhase): the concert has started, the sales have
 * ended, or they have not begun yet. The first seat that does not sell names the reason.
 */
export function assertSalesOpen(seats: readonly RequestedSeatState[]): void {
  const phase = seats.find((seat) => seat.salesPhase !== 'open')?.salesPhase;
  if (phase === 'over') {
    throw conflict('concert-is-over', "This concert has started on the venue's clock; its sales have closed.");
  }
  if (phase === 'closed') throw conflict('sales-closed', 'Sales for these seats have ended.');
  if (phase === 'not-open') {
    throw conflict('sales-not-open', "Sales for these seats have not opened yet; see the concert's salesOpenAt.");
  }
}

/** The refusal of a hold or booking that needs the pass of the concert's waiting room. */
export const admissionRequired = () =>
  new AppError(
    403,
    'admission-required',
    "This concert's sale has a waiting room: join it, and hold or book with the Admission-Pass it gives you.",
  );

/** Refuses seats of a concert whose waiting room is on, to a request without a pass for it. */
export function assertAdmitted(seats: readonly RequestedSeatState[]): void {
  if (seats.some((seat) => seat.admissionNeeded)) throw admissionRequired();
}

/**
 * One buyer (by email) may have at most `limit` seats of a concert, booked or held. The refusal says
 * the limit, never how many seats the email already has: anyone can type anyone's email, and that
 * count is the other buyer's business.
 */
export function refuseOverBuyerLimit(limit: number, requested: number): never {
  throw conflict(
    'buyer-limit-reached',
    `One buyer may have at most ${limit} seats for a concert; these seats would take this email past it.`,
    { limit, requested },
  );
}
