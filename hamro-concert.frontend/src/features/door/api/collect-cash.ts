import { useMutation, type UseMutationOptions } from '@tanstack/react-query';
import { z } from 'zod';
import { apiRequest, type ApiError } from '../../../lib/api-client';

/** The API's answer to recorded cash (the contracts name no schema for it). */
const cashRecordSchema = z.object({ reference: z.string(), amount: z.string(), collectedAt: z.string() });
export type CashRecord = z.infer<typeof cashRecordSchema>;

export interface CollectCashRequest {
  /** The booking paid at the door, as the admission's `collect` names it. */
  reference: string;
  token: string;
}

/** Records the cash of a booking paid at the door (door staff); 409 nothing-to-collect once it is. */
export function collectCash({ reference, token }: CollectCashRequest) {
  return apiRequest(`/bookings/${encodeURIComponent(reference)}/cash`, cashRecordSchema, { method: 'POST', token });
}

type Options = Omit<UseMutationOptions<CashRecord, ApiError, CollectCashRequest>, 'mutationFn'>;

export function useCollectCash(options: Options = {}) {
  return useMutation({ ...options, mutationFn: collectCash });
}
