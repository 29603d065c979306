import { useQueryClient } from '@tanstack/react-query';
import type { Visit } from 'hamro-concert.contracts';
import type { ApiError } from '../../../lib/api-client';
import { useVisit, visitQueryOptions } from '../api/get-visit';
import { useJoinWaitingRoom } from '../api/join-waiting-room';
import { mayShop } from '../lib/visit-timing';

export interface WaitingRoom {
  /** The visit as last answered; kept while a later ask fails. */
  visit: Visit | undefined;
  /** Whether the visitor goes on to the seats: no room, or their turn. */
  mayShop: boolean;
  /** The pass to hold and book with, while it is the visitor's turn. */
  pass: string | null;
  /** The first answer has not come yet. */
  pending: boolean;
  /** Why there is no answer at all (an ApiError, or a bug). */
  error: unknown;
  retry: () => void;
  retrying: boolean;
  /** Asks again now: a hold renewed the pass, a booking ended it, or the API refused it. */
  refresh: () => Promise<unknown>;
  /** A new place at the back of the line, once a pass has ended. */
  joinAgain: () => void;
  joining: boolean;
  joinError: ApiError | null;
}

/** This browser's place in a concert's waiting room, kept current, and joining it again. */
export function useWaitingRoom(concertId: string): WaitingRoom {
  const queryClient = useQueryClient();
  const visit = useVisit(concertId);
  const { queryKey } = visitQueryOptions(concertId);
  const join = useJoinWaitingRoom({ onSuccess: (joined) => queryClient.setQueryData(queryKey, joined) });
  const current = visit.data;
  return {
    visit: current,
    mayShop: current !== undefined && mayShop(current),
    pass: current?.state === 'admitted' ? current.pass : null,
    pending: visit.isPending,
    error: current ? null : visit.error,
    retry: () => void visit.refetch(),
    retrying: visit.isFetching,
    refresh: () => queryClient.invalidateQueries({ queryKey }),
    joinAgain: () => join.mutate(concertId),
    joining: join.isPending,
    joinError: join.error,
  };
}
