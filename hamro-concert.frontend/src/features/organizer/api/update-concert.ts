import { useMutation, useQueryClient, type UseMutationOptions } from '@tanstack/react-query';
import { concertSchema, type Concert, type ConcertChanges } from 'hamro-concert.contracts';
import { apiRequest, type ApiError } from '../../../lib/api-client';
import { concertSalesQueryOptions } from './get-concert-sales';

export interface UpdateConcertRequest {
  concertId: string;
  changes: ConcertChanges;
  token: string;
}

/** Changes a concert's details (organizers only); only the fields sent change. */
export function updateConcert({ concertId, changes, token }: UpdateConcertRequest) {
  return apiRequest(`/concerts/${encodeURIComponent(concertId)}`, concertSchema, {
    method: 'PUT',
    body: changes,
    token,
  });
}

type Options = Omit<UseMutationOptions<Concert, ApiError, UpdateConcertRequest>, 'mutationFn'>;

/** Its sales report names the concert, so that is refreshed too; the mutation ends once both have. */
export function useUpdateConcert({ onSuccess, ...options }: Options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: updateConcert,
    onSuccess: async (...args) => {
      const [concert, { token }] = args;
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: concertSalesQueryOptions(concert.id, token).queryKey }),
        onSuccess?.(...args),
      ]);
    },
  });
}
