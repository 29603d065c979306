import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { concertPageSchema } from 'hamro-concert.contracts';
import { apiRequest } from '../../../lib/api-client';

export const CONCERTS_PER_PAGE = 9;

/** The key every page of the concert list starts with; invalidating it refreshes them all. */
export const concertListKey = ['concerts', 'list'] as const;

export function getConcerts(page: number, limit: number, signal?: AbortSignal) {
  const query = new URLSearchParams({ page: String(page), limit: String(limit) });
  return apiRequest(`/concerts?${query.toString()}`, concertPageSchema, { signal });
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
