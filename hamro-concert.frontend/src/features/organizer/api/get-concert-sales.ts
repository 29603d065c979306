import { queryOptions, useQuery } from '@tanstack/react-query';
import { salesReportSchema } from 'hamro-concert.contracts';
import { apiRequest, isRetryable } from '../../../lib/api-client';

/** The key every sales report starts with; removed on sign-out, as the reports need the token. */
export const salesKey = ['organizer', 'sales'] as const;

export function getConcertSales(concertId: string, token: string, signal?: AbortSignal) {
  return apiRequest(`/admin/concerts/${encodeURIComponent(concertId)}/sales`, salesReportSchema, { signal, token });
}

/** The token is not part of the key: it stays out of the cache's keys, and sign-out removes them. */
export function concertSalesQueryOptions(concertId: string, token: string) {
  return queryOptions({
    queryKey: [...salesKey, concertId],
    queryFn: ({ signal }) => getConcertSales(concertId, token, signal),
    retry: (failures, error) => isRetryable(error) && failures < 2,
    staleTime: 10_000,
  });
}

export function useConcertSales(concertId: string, token: string) {
  return useQuery(concertSalesQueryOptions(concertId, token));
}
