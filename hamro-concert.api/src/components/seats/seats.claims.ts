import { conflict } from '../../http/errors.js';

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
