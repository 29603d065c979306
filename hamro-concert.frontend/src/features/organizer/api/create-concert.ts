import { useMutation, type UseMutationOptions } from '@tanstack/react-query';
import { concertSchema, type Concert, type NewConcert } from 'hamro-concert.contracts';
import { apiRequest, type ApiError } from '../../../lib/api-client';

export interface CreateConcertRequest {
  concert: NewConcert;
  token: string;
}

/** Creates a concert together with its venue layout (organizers only). */
export function createConcert({ concert, token }: CreateConcertRequest) {
  return apiRequest('/concerts', concertSchema, { method: 'POST', body: concert, token });
}

type Options = Omit<UseMutationOptions<Concert, ApiError, CreateConcertRequest>, 'mutationFn'>;

export function useCreateConcert(options: Options = {}) {
  return useMutation({ ...options, mutationFn: createConcert });
}
