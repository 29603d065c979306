import { useMutation, type UseMutationOptions } from '@tanstack/react-query';
import { ADMISSION_PASS_HEADER, holdSchema, type CreateHoldBody, type Hold } from 'hamro-concert.contracts';
import { apiRequest, type ApiError } from '../../../lib/api-client';

export interface CreateHoldRequest {
  body: CreateHoldBody;
  idempotencyKey: string;
  /** The waiting room's pass, while the concert's sale has one. */
  admissionPass?: string | null;
}

/** Holds seats for this buyer for a few minutes while they fill in their details. */
export function createHold({ body, idempotencyKey, admissionPass }: CreateHoldRequest) {
  return apiRequest('/holds', holdSchema, {
    method: 'POST',
    body,
    idempotencyKey,
    headers: { [ADMISSION_PASS_HEADER]: admissionPass },
  });
}

type CreateHoldOptions = Omit<UseMutationOptions<Hold, ApiError, CreateHoldRequest>, 'mutationFn'>;

export function useCreateHold(options: CreateHoldOptions = {}) {
  return useMutation({ ...options, mutationFn: createHold });
}
