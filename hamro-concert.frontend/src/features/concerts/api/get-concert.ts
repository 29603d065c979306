import { queryOptions, useQuery } from '@tanstack/react-query';
import { concertSchema } from 'hamro-concert.contracts';
import { apiRequest } from '../../../lib/api-client';

export function getConcert(concertId: string, signal?: AbortSignal) {
  return apiRequest(`/concerts/${encodeURIComponent(concertId)}`, concertSchema, { signal });
}

export function concertQueryOptions(concertId: string) {
  return queryOptions({
    queryKey: ['concerts', 'detail', concertId],
    queryFn: ({ signal }) => getConcert(concertId, signal),
    staleTime: 15_000,
  });
}

export function useConcert(concertId: string) {
  return useQuery(concertQueryOptions(concertId));
}
