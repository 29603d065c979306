import { MAX_SEATS_PER_BOOKING } from 'hamro-concert.contracts';
import { isFree, type SeatView } from './seat-layout';

export type ToggleOutcome = 'added' | 'removed' | 'limit' | 'unavailable';

/** The selection rules: booked or held seats can't be chosen, a chosen seat toggles off, at most 10 seats. */
export function toggleSeat(
  selectedIds: readonly number[],
  seat: SeatView,
  max: number = MAX_SEATS_PER_BOOKING,
): { ids: number[]; outcome: ToggleOutcome } {
  if (selectedIds.includes(seat.id)) return { ids: selectedIds.filter((id) => id !== seat.id), outcome: 'removed' };
  if (!isFree(seat)) return { ids: [...selectedIds], outcome: 'unavailable' };
  if (selectedIds.length >= max) return { ids: [...selectedIds], outcome: 'limit' };
  return { ids: [...selectedIds, seat.id], outcome: 'added' };
}
