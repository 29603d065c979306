import { conflict } from '../../http/errors.js';
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

/** Refuses seats of a concert that no longer sells (see salesAreOpen): it has started, or its sales end passed. */
export function assertSalesOpen(seats: readonly RequestedSeatState[]): void {
  if (seats[0] && !seats[0].salesOpen) {
    throw conflict(
      'concert-is-over',
      "Sales for this concert have closed: it has started on the venue's clock, or its sales end has passed.",
    );
  }
}
