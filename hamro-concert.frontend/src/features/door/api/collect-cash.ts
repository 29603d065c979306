import { useMutation, type UseMutationOptions } from '@tanstack/react-query';
import type { z } from 'zod';
import { cashCollectedSchema } from 'hamro-concert.contracts';
import { apiRequest, type ApiError } from '../../../lib/api-client';

export type CashRecord = z.infer<typeof cashCollectedSchema>;

export interface CollectCashRequest {
  /** The booking paid at the door, as the admission's `collect` names it. */
  reference: string;
  token: string;
}

/** Records the cash of a booking paid at the door (door staff); 409 nothing-to-collect once it is. */
export function collectCash({ reference, token }: CollectCashRequest) {
  return apiRequest(`/bookings/${encodeURIComponent(reference)}/cash`, cashCollectedSchema, { method: 'POST', token });
}

type Options = Omit<UseMutationOptions<CashRecord, ApiError, CollectCashRequest>, 'mutationFn'>;

export function useCollectCash(options: Options = {}) {
  return useMutation({ ...options, mutationFn: collectCash });
}
