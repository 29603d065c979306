import { queryOptions, useQuery } from '@tanstack/react-query';
import { roomSchema } from 'hamro-concert.contracts';
import { apiRequest, isRetryable } from '../../../lib/api-client';

/** The key every concert's waiting room starts with; removed on sign-out, as the rooms need the token. */
export const roomKey = ['organizer', 'waiting-room'] as const;

/** How often an open panel asks for the room's live figures. */
export const ROOM_REFRESH_MS = 2_000;

export function getWaitingRoom(concertId: string, token: string, signal?: AbortSignal) {
  return apiRequest(`/admin/concerts/${encodeURIComponent(concertId)}/waiting-room`, roomSchema, { signal, token });
}

/** A concert's waiting room: its settings and live figures, asked again every 2 s while shown. */
export function concertRoomQueryOptions(concertId: string, token: string) {
  return queryOptions({
    queryKey: [...roomKey, concertId],
    queryFn: ({ signal }) => getWaitingRoom(concertId, token, signal),
    retry: (failures, error) => isRetryable(error) && failures < 2,
    staleTime: 0,
    refetchInterval: ROOM_REFRESH_MS,
  });
}

export function useConcertWaitingRoom(concertId: string, token: string) {
  return useQuery(concertRoomQueryOptions(concertId, token));
}
