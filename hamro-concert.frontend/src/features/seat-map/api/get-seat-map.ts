import { queryOptions, useQuery } from '@tanstack/react-query';
import { seatMapSchema } from 'hamro-concert.contracts';
import { apiRequest } from '../../../lib/api-client';

export function getSeatMap(concertId: string, signal?: AbortSignal) {
  return apiRequest(`/seats/concert/${encodeURIComponent(concertId)}`, seatMapSchema, { signal });
}

/** How often the map is fetched whole while no live stream keeps it current. */
export const SEAT_MAP_POLL_MS = 15_000;

export function seatMapQueryOptions(concertId: string) {
  return queryOptions({
    queryKey: ['seat-map', concertId],
    queryFn: ({ signal }) => getSeatMap(concertId, signal),
    staleTime: 5_000,
    refetchInterval: SEAT_MAP_POLL_MS,
  });
}

/**
 * A concert's seat map. With `live` (the seat stream is open and patching it), no polling: the
 * stream carries every change. Without, a gentle poll while the page is open.
 */
export function useSeatMap(concertId: string, { live = false } = {}) {
  return useQuery({ ...seatMapQueryOptions(concertId), refetchInterval: live ? false : SEAT_MAP_POLL_MS });
}
