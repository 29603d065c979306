import type { Hold } from 'hamro-concert.api/contracts';
import { useEffect, useRef, useState } from 'react';
import type { ApiError } from '../../../lib/api-client';
import { useCreateBestAvailableHold } from '../api/create-best-available-hold';
import { useCreateHold } from '../api/create-hold';
import { releaseHold, releaseHoldOnUnload } from '../api/release-hold';
import { useIdempotencyKey } from '../lib/idempotency';
import { takenSeats } from '../lib/taken-seats';

interface SeatHoldEvents {
  /** Someone else holds or booked these seats: drop them from the selection and refresh the map. */
  onSeatsTaken: (seatIds: number[]) => void;
  /** Seats were held or given back: refresh the map and counts (resolves once they are fresh). */
  onSeatsChanged: () => Promise<unknown>;
  /** The system chose and held these seats (best available): show them as the buyer's. */
  onBestHeld?: (seatIds: number[]) => void;
}

export interface SeatHold {
  /** The active hold, while the buyer fills in their details. */
  hold: Hold | null;
  /** Seats that are this buyer's own: those of the hold, and of one being given back until the map catches up. */
  ownSeatIds: readonly number[];
  placing: boolean;
  /** Why the last attempt to hold seats failed. */
  error: ApiError | null;
  place: (concertId: string, seatIds: number[]) => void;
  /** Holds the best free seats of a tier, chosen by the system. */
  placeBest: (concertId: string, ticketTierId: number, quantity: number) => void;
  /** Gives the seats back (Change seats, or the hold ran out). */
  release: () => void;
  /** The hold is gone on the server (booked, or expired or released there): forget it without a call. */
  forget: () => void;
}

/** Gives the hold back when the page goes away or the checkout unmounts. */
function useReleaseOnLeave(holdToken: string | undefined) {
  const activeTokenRef = useRef<string | undefined>(undefined);
  useEffect(() => {
    activeTokenRef.current = holdToken;
    if (!holdToken) return;
    const onPageHide = () => releaseHoldOnUnload(holdToken);
    window.addEventListener('pagehide', onPageHide);
    return () => window.removeEventListener('pagehide', onPageHide);
  }, [holdToken]);
  useEffect(
    () => () => {
      if (activeTokenRef.current) void releaseHold(activeTokenRef.current);
    },
    [],
  );
  return activeTokenRef;
}

/** The seats this buyer holds while checking out: placing the hold, and giving it back. */
export function useSeatHold(events: SeatHoldEvents): SeatHold {
  const key = useIdempotencyKey();
  const create = useCreateHold({
    onSettled: (_hold, error) => key.settled(error),
    onSuccess: () => void events.onSeatsChanged(),
    onError: (error) => {
      const taken = takenSeats(error);
      if (taken.length > 0) events.onSeatsTaken(taken.map((seat) => seat.id));
    },
  });
  const bestKey = useIdempotencyKey();
  const best = useCreateBestAvailableHold({
    onSettled: (_hold, error) => bestKey.settled(error),
    onSuccess: (held) => {
      events.onBestHeld?.(held.seatIds);
      void events.onSeatsChanged();
    },
    onError: () => void events.onSeatsChanged(),
  });
  const hold = create.data ?? best.data ?? null;
  const activeTokenRef = useReleaseOnLeave(hold?.holdToken);
  const [releasing, setReleasing] = useState<readonly number[]>([]);

  return {
    hold,
    ownSeatIds: hold?.seatIds ?? releasing,
    placing: create.isPending || best.isPending,
    error: create.error ?? best.error,
    place: (concertId, seatIds) => {
      best.reset();
      const body = { concertId, seatIds: [...seatIds].sort((a, b) => a - b) };
      create.mutate({ body, idempotencyKey: key.keyFor(body) });
    },
    placeBest: (concertId, ticketTierId, quantity) => {
      create.reset();
      const body = { concertId, ticketTierId, quantity };
      best.mutate({ body, idempotencyKey: bestKey.keyFor(body) });
    },
    release: () => {
      const token = hold?.holdToken;
      activeTokenRef.current = undefined;
      create.reset();
      best.reset();
      if (!token || !hold) return;
      setReleasing(hold.seatIds);
      void releaseHold(token)
        .then(events.onSeatsChanged)
        .finally(() => setReleasing([]));
    },
    forget: () => {
      activeTokenRef.current = undefined;
      create.reset();
      best.reset();
    },
  };
}
