import { MAX_SEATS_PER_BOOKING } from 'hamro-concert.contracts';
import { useState } from 'react';
import { isFree, type SeatLayout, type SeatView } from '../lib/seat-layout';
import { toggleSeat } from '../lib/selection';

export interface SeatSelection {
  /** Chosen seats that are still free, in map order. */
  seats: SeatView[];
  /** Chosen seats that the live map now shows as booked or held by someone else. */
  lost: SeatView[];
  /** True after a seat was refused because the selection is full. */
  limitRefused: boolean;
  max: number;
  isSelected: (seatId: number) => boolean;
  toggle: (seat: SeatView) => void;
  remove: (seatIds: readonly number[]) => void;
  /** Makes these seats the selection, as when the system chose them (best available). */
  replace: (seatIds: readonly number[]) => void;
  clear: () => void;
}

/** Local state of the seats a visitor is choosing, read against the latest seat map. */
export function useSeatSelection(layout: SeatLayout | undefined, max = MAX_SEATS_PER_BOOKING): SeatSelection {
  const [ids, setIds] = useState<number[]>([]);
  const [limitRefused, setLimitRefused] = useState(false);

  const chosen = layout ? ids.flatMap((id) => layout.byId.get(id) ?? []) : [];
  const seats = chosen.filter(isFree).sort((a, b) => a.order - b.order);
  const lost = chosen.filter((seat) => !isFree(seat));
  const freeIds = seats.map((seat) => seat.id);

  return {
    seats,
    lost,
    limitRefused,
    max,
    isSelected: (seatId) => freeIds.includes(seatId),
    toggle: (seat) => {
      const result = toggleSeat(freeIds, seat, max);
      setIds(result.ids);
      setLimitRefused(result.outcome === 'limit');
    },
    remove: (seatIds) => {
      setIds(freeIds.filter((id) => !seatIds.includes(id)));
      setLimitRefused(false);
    },
    replace: (seatIds) => {
      setIds(seatIds.slice(0, max));
      setLimitRefused(false);
    },
    clear: () => {
      setIds([]);
      setLimitRefused(false);
    },
  };
}
