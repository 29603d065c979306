import { useMutation, type UseMutationOptions } from '@tanstack/react-query';
import { ADMISSION_PASS_HEADER, holdSchema, type BestAvailableHoldBody, type Hold } from 'hamro-concert.contracts';
import { apiRequest, type ApiError } from '../../../lib/api-client';

export interface BestAvailableHoldRequest {
  body: BestAvailableHoldBody;
  idempotencyKey: string;
  /** The waiting room's pass, while the concert's sale has one. */
  admissionPass?: string | null;
}

/** Lets the system choose and hold the best free seats of one tier (together, nearest the stage). */
export function createBestAvailableHold({ body, idempotencyKey, admissionPass }: BestAvailableHoldRequest) {
  return apiRequest('/holds/best-available', holdSchema, {
    method: 'POST',
    body,
    idempotencyKey,
    headers: { [ADMISSION_PASS_HEADER]: admissionPass },
  });
}

type Options = Omit<UseMutationOptions<Hold, ApiError, BestAvailableHoldRequest>, 'mutationFn'>;

export function useCreateBestAvailableHold(options: Options = {}) {
  return useMutation({ ...options, mutationFn: createBestAvailableHold });
}
