import type { SeatMap, SeatStatus } from 'hamro-concert.contracts';

/** Seats whose status changed, by id: the newest status heard for each. */
export type SeatChanges = ReadonlyMap<number, SeatStatus>;

const COUNT_OF: Record<SeatStatus, 'availableSeats' | 'heldSeats' | 'bookedSeats'> = {
  available: 'availableSeats',
  held: 'heldSeats',
  booked: 'bookedSeats',
};

/**
 * The map with these statuses applied and its counts moved along; the same object when nothing
 * differs, so nothing that shows it renders again.
 */
export function applySeatChanges(map: SeatMap, changes: SeatChanges): SeatMap {
  if (changes.size === 0) return map;
  const counts = { availableSeats: map.availableSeats, heldSeats: map.heldSeats, bookedSeats: map.bookedSeats };
  let changed = false;
  const seats = map.seats.map((seat) => {
    const status = changes.get(seat.id);
    if (status === undefined || status === seat.status) return seat;
    changed = true;
    counts[COUNT_OF[seat.status]] -= 1;
    counts[COUNT_OF[status]] += 1;
    return { ...seat, status, isBooked: status === 'booked' };
  });
  return changed ? { ...map, ...counts, seats } : map;
}

/** How many seats of each tier are free in the map, by tier id. */
export function freeSeatsByTier(map: SeatMap): Map<number, number> {
  const free = new Map<number, number>();
  for (const seat of map.seats) {
    if (seat.status === 'available') free.set(seat.ticketTierId, (free.get(seat.ticketTierId) ?? 0) + 1);
    else if (!free.has(seat.ticketTierId)) free.set(seat.ticketTierId, 0);
  }
  return free;
}
