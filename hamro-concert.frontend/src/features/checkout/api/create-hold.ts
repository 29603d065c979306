import { useMutation, type QueryClient, type UseMutationOptions } from '@tanstack/react-query';
import type { CreateHoldBody, Hold } from 'hamro-concert.contracts';
import type { ApiError } from '../../../lib/api-client';
import { postHold, type HoldRequest } from '../lib/post-hold';

export type CreateHoldRequest = HoldRequest<CreateHoldBody>;

/** Holds seats for this buyer for a few minutes while they fill in their details. */
export function createHold(request: CreateHoldRequest, client: QueryClient) {
  return postHold('/holds', request, client);
}

type CreateHoldOptions = Omit<UseMutationOptions<Hold, ApiError, CreateHoldRequest>, 'mutationFn'>;

export function useCreateHold(options: CreateHoldOptions = {}) {
  return useMutation({ ...options, mutationFn: (request, { client }) => createHold(request, client) });
}
