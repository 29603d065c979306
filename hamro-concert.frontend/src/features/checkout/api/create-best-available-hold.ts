import { useMutation, type QueryClient, type UseMutationOptions } from '@tanstack/react-query';
import type { BestAvailableHoldBody, Hold } from 'hamro-concert.contracts';
import type { ApiError } from '../../../lib/api-client';
import { postHold, type HoldRequest } from '../lib/post-hold';

export type BestAvailableHoldRequest = HoldRequest<BestAvailableHoldBody>;

/** Lets the system choose and hold the best free seats of one tier (together, nearest the stage). */
export function createBestAvailableHold(request: BestAvailableHoldRequest, client: QueryClient) {
  return postHold('/holds/best-available', request, client);
}

type Options = Omit<UseMutationOptions<Hold, ApiError, BestAvailableHoldRequest>, 'mutationFn'>;

export function useCreateBestAvailableHold(options: Options = {}) {
  return useMutation({ ...options, mutationFn: (request, { client }) => createBestAvailableHold(request, client) });
}
