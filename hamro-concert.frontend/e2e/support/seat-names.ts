import type { Concert, Seat } from 'hamro-concert.contracts';
import { seatPlace } from './api';

/** The full accessible name of a seat button in a given state. */
export function seatButtonName(
  concert: Concert,
  seat: Seat,
  state: 'available' | 'selected' | 'held' | 'booked' | 'not on sale',
): string {
  const tier = concert.tiers.find((t) => t.id === seat.ticketTierId);
  const price = new Intl.NumberFormat('en-US', { style: 'currency', currency: concert.currency }).format(
    Number(tier?.price ?? 0),
  );
  return `${seatPlace(concert, seat)}, ${price}, ${state === 'held' ? 'on hold' : state}`;
}
