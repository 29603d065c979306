import type { Hold } from 'hamro-concert.contracts';
import { useEffect, useRef, useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import { useCreateBestAvailableHold } from '../api/create-best-available-hold';
import { useCreateHold } from '../api/create-hold';
import { afterReleases, releaseHold, releaseHoldOnUnload } from '../api/release-hold';
import { useIdempotencyKey } from '../lib/idempotency';
import { takenSeats } from '../lib/taken-seats';

interface SeatHoldEvents {
  /** Someone else holds or booked these seats: drop them from the selection and refresh the map. */
  onSeatsTaken: (seatIds: number[]) => void;
  /** Seats were held or given back: refresh the map and counts (resolves once they are fresh). */
  onSeatsChanged: () => Promise<unknown>;
  /** The system chose and held these seats (best available): show them as the buyer's. */
  onBestHeld?: (seatIds: number[]) => void;
  /** The concert's waiting room refused the request (no pass, or it has ended): back to the room. */
  onAdmissionRequired?: () => void;
}

/** 403 admission-required: the sale has a waiting room and this request had no live pass for it. */
export function isAdmissionRequired(error: unknown): boolean {
  return error instanceof ApiError && error.code === 'admission-required';
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

/**
 * The seats this buyer holds while checking out: placing the hold, and giving it back. While the
 * concert's sale has a waiting room, `admissionPass` (the room's pass) goes with every new hold. A
 * new hold waits for the release of the previous one, as the API allows one hold at a time.
 */
export function useSeatHold(events: SeatHoldEvents, admissionPass: string | null = null): SeatHold {
  const key = useIdempotencyKey();
  const [queued, setQueued] = useState(false);
  const create = useCreateHold({
    onSettled: (_hold, error) => key.settled(error),
    onSuccess: () => void events.onSeatsChanged(),
    onError: (error) => {
      const taken = takenSeats(error);
      if (taken.length > 0) events.onSeatsTaken(taken.map((seat) => seat.id));
      if (isAdmissionRequired(error)) events.onAdmissionRequired?.();
    },
  });
  const bestKey = useIdempotencyKey();
  const best = useCreateBestAvailableHold({
    onSettled: (_hold, error) => bestKey.settled(error),
    onSuccess: (held) => {
      events.onBestHeld?.(held.seatIds);
      void events.onSeatsChanged();
    },
    onError: (error) => {
      void events.onSeatsChanged();
      if (isAdmissionRequired(error)) events.onAdmissionRequired?.();
    },
  });
  const hold = create.data ?? best.data ?? null;
  const activeTokenRef = useReleaseOnLeave(hold?.holdToken);
  const [releasing, setReleasing] = useState<readonly number[]>([]);

  /** Sends a new hold once no release is pending (with the pass as it was when asked). */
  function whenReleased(send: () => void) {
    setQueued(true);
    afterReleases(() => {
      setQueued(false);
      send();
    });
  }

  return {
    hold,
    ownSeatIds: hold?.seatIds ?? releasing,
    placing: queued || create.isPending || best.isPending,
    error: create.error ?? best.error,
    place: (concertId, seatIds) => {
      best.reset();
      const body = { concertId, seatIds: [...seatIds].sort((a, b) => a - b) };
      whenReleased(() => create.mutate({ body, idempotencyKey: key.keyFor(body), admissionPass }));
    },
    placeBest: (concertId, ticketTierId, quantity) => {
      create.reset();
      const body = { concertId, ticketTierId, quantity };
      whenReleased(() => best.mutate({ body, idempotencyKey: bestKey.keyFor(body), admissionPass }));
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
