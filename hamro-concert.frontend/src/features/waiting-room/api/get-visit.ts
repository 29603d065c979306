import { queryOptions, useQuery } from '@tanstack/react-query';
import { QUEUE_TICKET_HEADER, visitSchema } from 'hamro-concert.contracts';
import { apiRequest } from '../../../lib/api-client';
import { keepTicket, storedTicket } from '../lib/queue-ticket';
import { nextVisitIn } from '../lib/visit-timing';
import { joinWaitingRoom } from './join-waiting-room';

/** Where this browser's ticket stands in a concert's waiting room (without one: whether there is a room). */
export async function getVisit(concertId: string, signal?: AbortSignal) {
  const visit = await apiRequest(`/concerts/${encodeURIComponent(concertId)}/waiting-room`, visitSchema, {
    signal,
    headers: { [QUEUE_TICKET_HEADER]: storedTicket(concertId) },
  });
  // A ticket the API no longer knows (off, or not-yet and joinable come without one) is forgotten.
  keepTicket(concertId, visit.ticket);
  return visit;
}

/**
 * The visitor's place in the concert's waiting room. Visiting the page is joining: a room open for
 * joining takes the visitor in at once, so the answer is never "joinable" for long. Asked again
 * when the API says (`pollAfterSeconds`), at the moment joining opens, and also while the tab is in
 * the background, so the visitor's turn is not missed.
 */
export function visitQueryOptions(concertId: string) {
  return queryOptions({
    queryKey: ['waiting-room', 'visit', concertId],
    queryFn: async ({ signal, client }) => {
      const visit = await getVisit(concertId, signal);
      return visit.state === 'joinable' ? joinWaitingRoom(concertId, client) : visit;
    },
    staleTime: 0,
    refetchInterval: (query) => nextVisitIn(query.state.data, Date.now()),
    refetchIntervalInBackground: true,
  });
}

export function useVisit(concertId: string) {
  return useQuery(visitQueryOptions(concertId));
}
