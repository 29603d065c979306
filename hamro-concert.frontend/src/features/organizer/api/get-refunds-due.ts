import { queryOptions, useQuery } from '@tanstack/react-query';
import { refundDueSchema } from 'hamro-concert.contracts';
import { z } from 'zod';
import { apiRequest, isRetryable } from '../../../lib/api-client';

/** The key every list of refunds starts with; removed on sign-out, as the lists need the token. */
export const refundsKey = ['organizer', 'refunds'] as const;

const refundsDueSchema = z.array(refundDueSchema);

export function getRefundsDue(concertId: string, token: string, signal?: AbortSignal) {
  const query = new URLSearchParams({ concertId });
  return apiRequest(`/admin/refunds?${query}`, refundsDueSchema, { signal, token });
}

/** The money owed back to buyers of one concert; Khalti's leave the list by themselves once refunded. */
export function refundsDueQueryOptions(concertId: string, token: string) {
  return queryOptions({
    queryKey: [...refundsKey, concertId],
    queryFn: ({ signal }) => getRefundsDue(concertId, token, signal),
    retry: (failures, error) => isRetryable(error) && failures < 2,
    staleTime: 10_000,
  });
}

export function useRefundsDue(concertId: string, token: string) {
  return useQuery(refundsDueQueryOptions(concertId, token));
}
