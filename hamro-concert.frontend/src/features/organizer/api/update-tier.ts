import { useMutation, useQueryClient, type UseMutationOptions } from '@tanstack/react-query';
import { ticketTierSchema, type TicketTier, type TierChanges } from 'hamro-concert.contracts';
import { apiRequest, type ApiError } from '../../../lib/api-client';
import { concertSalesQueryOptions } from './get-concert-sales';

export interface UpdateTierRequest {
  /** The tier's id and only the fields to change, here its sales window (null bounds follow the concert's). */
  changes: TierChanges;
  token: string;
}

/** Changes a ticket tier (organizers only); only the fields sent change. */
export function updateTier({ changes, token }: UpdateTierRequest) {
  return apiRequest('/ticket-tiers', ticketTierSchema, { method: 'PUT', body: changes, token });
}

type Options = Omit<UseMutationOptions<TicketTier, ApiError, UpdateTierRequest>, 'mutationFn'>;

/** Its concert's sales report lists the tier, so that is refreshed too; the mutation ends once both have. */
export function useUpdateTier({ onSuccess, ...options }: Options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: updateTier,
    onSuccess: async (...args) => {
      const [tier, { token }] = args;
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: concertSalesQueryOptions(tier.concertId, token).queryKey }),
        onSuccess?.(...args),
      ]);
    },
  });
}
