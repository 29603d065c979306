import { queryOptions, useQuery } from '@tanstack/react-query';
import { seatMapSchema } from 'hamro-concert.api/contracts';
import { apiRequest } from '../../../lib/api-client';

export function getSeatMap(concertId: string, signal?: AbortSignal) {
  return apiRequest(`/seats/concert/${encodeURIComponent(concertId)}`, seatMapSchema, { signal });
}

/** Seats change under other buyers' hands: short freshness and a gentle poll while the page is open. */
export function seatMapQueryOptions(concertId: string) {
  return queryOptions({
    queryKey: ['seat-map', concertId],
    queryFn: ({ signal }) => getSeatMap(concertId, signal),
    staleTime: 5_000,
    refetchInterval: 15_000,
  });
}

export function useSeatMap(concertId: string) {
  return useQuery(seatMapQueryOptions(concertId));
}
