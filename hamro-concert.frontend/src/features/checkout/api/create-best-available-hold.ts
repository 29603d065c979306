import { useMutation, type UseMutationOptions } from '@tanstack/react-query';
import { holdSchema, type BestAvailableHoldBody, type Hold } from 'hamro-concert.api/contracts';
import { apiRequest, type ApiError } from '../../../lib/api-client';

export interface BestAvailableHoldRequest {
  body: BestAvailableHoldBody;
  idempotencyKey: string;
}

/** Lets the system choose and hold the best free seats of one tier (together, nearest the stage). */
export function createBestAvailableHold({ body, idempotencyKey }: BestAvailableHoldRequest) {
  return apiRequest('/holds/best-available', holdSchema, { method: 'POST', body, idempotencyKey });
}

type Options = Omit<UseMutationOptions<Hold, ApiError, BestAvailableHoldRequest>, 'mutationFn'>;

export function useCreateBestAvailableHold(options: Options = {}) {
  return useMutation({ ...options, mutationFn: createBestAvailableHold });
}
