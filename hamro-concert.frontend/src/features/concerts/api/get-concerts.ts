import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { CONCERTS_PER_PAGE, concertListPath, concertPageSchema } from 'hamro-concert.contracts';
import { apiRequest } from '../../../lib/api-client';

export { CONCERTS_PER_PAGE };

/** The key every page of the concert list starts with; invalidating it refreshes them all. */
export const concertListKey = ['concerts', 'list'] as const;

export function getConcerts(page: number, limit: number, signal?: AbortSignal) {
  return apiRequest(concertListPath(page, limit), concertPageSchema, { signal });
}

export function concertsQueryOptions(page: number, limit = CONCERTS_PER_PAGE) {
  return queryOptions({
    queryKey: [...concertListKey, { page, limit }],
    queryFn: ({ signal }) => getConcerts(page, limit, signal),
    placeholderData: keepPreviousData,
    staleTime: 30_000,
    // Free-seat counts on the cards move during an on-sale: refreshed while the list is open.
    refetchInterval: 30_000,
  });
}

export function useConcerts(page: number) {
  return useQuery(concertsQueryOptions(page));
}
