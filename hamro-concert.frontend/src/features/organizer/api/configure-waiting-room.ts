import { useMutation, useQueryClient, type UseMutationOptions } from '@tanstack/react-query';
import { roomSchema, type Room, type RoomSettings } from 'hamro-concert.contracts';
import { apiRequest, type ApiError } from '../../../lib/api-client';
import { concertRoomQueryOptions } from './get-waiting-room';

export interface ConfigureWaitingRoomRequest {
  concertId: string;
  settings: RoomSettings;
  token: string;
}

/** Turns a concert's waiting room on or off, pauses it, or changes its rates, also during the sale. */
export function configureWaitingRoom({ concertId, settings, token }: ConfigureWaitingRoomRequest) {
  return apiRequest(`/admin/concerts/${encodeURIComponent(concertId)}/waiting-room`, roomSchema, {
    method: 'PUT',
    body: settings,
    token,
  });
}

type Options = Omit<UseMutationOptions<Room, ApiError, ConfigureWaitingRoomRequest>, 'mutationFn'>;

/** The answer is the room as it now stands: it replaces the cached one at once. */
export function useConfigureWaitingRoom({ onSuccess, ...options }: Options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: configureWaitingRoom,
    onSuccess: (...args) => {
      const [room, { concertId, token }] = args;
      queryClient.setQueryData(concertRoomQueryOptions(concertId, token).queryKey, room);
      return onSuccess?.(...args);
    },
  });
}
