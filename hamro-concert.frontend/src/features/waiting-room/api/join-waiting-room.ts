import { useMutation, type QueryClient, type UseMutationOptions } from '@tanstack/react-query';
import { QUEUE_TICKET_HEADER, visitSchema, type Visit } from 'hamro-concert.contracts';
import { apiRequest, type ApiError } from '../../../lib/api-client';
import { withProofOfWork } from '../../../lib/proof-of-work';
import { keepTicket, storedTicket } from '../lib/queue-ticket';

/**
 * Joins a concert's waiting room and keeps the new ticket. With a ticket whose place still holds the
 * API answers that same place; with one whose pass has ended, a new place at the back. A new
 * browser session's first join carries its proof of work. No abort signal: a join the API has taken
 * must not lose its ticket.
 */
export async function joinWaitingRoom(concertId: string, client: QueryClient): Promise<Visit> {
  const visit = await withProofOfWork(client, concertId, (headers) =>
    apiRequest(`/concerts/${encodeURIComponent(concertId)}/waiting-room/join`, visitSchema, {
      method: 'POST',
      headers: { [QUEUE_TICKET_HEADER]: storedTicket(concertId), ...headers },
    }),
  );
  keepTicket(concertId, visit.ticket);
  return visit;
}

type Options = Omit<UseMutationOptions<Visit, ApiError, string>, 'mutationFn'>;

/** "Join again", once a pass has ended; the variable is the concert's id. */
export function useJoinWaitingRoom(options: Options = {}) {
  return useMutation({ ...options, mutationFn: (concertId, { client }) => joinWaitingRoom(concertId, client) });
}
