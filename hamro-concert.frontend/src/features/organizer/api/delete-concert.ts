import { useMutation, useQueryClient, type UseMutationOptions } from '@tanstack/react-query';
import { apiCall, type ApiError } from '../../../lib/api-client';
import { concertSalesQueryOptions } from './get-concert-sales';

export interface DeleteConcertRequest {
  concertId: string;
  token: string;
}

/** Deletes a concert with its seats (organizers only); the API refuses while it has active bookings. */
export function deleteConcert({ concertId, token }: DeleteConcertRequest) {
  return apiCall(`/concerts/${encodeURIComponent(concertId)}`, { method: 'DELETE', token });
}

type Options = Omit<UseMutationOptions<void, ApiError, DeleteConcertRequest>, 'mutationFn'>;

/**
 * The caller's onSuccess refreshes the lists the concert was in; once they no longer show it, its
 * sales report is dropped rather than fetched again for a concert that is gone.
 */
export function useDeleteConcert({ onSuccess, ...options }: Options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: deleteConcert,
    onSuccess: async (...args) => {
      const [, { concertId, token }] = args;
      await onSuccess?.(...args);
      queryClient.removeQueries({ queryKey: concertSalesQueryOptions(concertId, token).queryKey });
    },
  });
}
