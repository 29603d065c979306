import { useMutation, type QueryClient, type UseMutationOptions } from '@tanstack/react-query';
import { ADMISSION_PASS_HEADER, holdSchema, type CreateHoldBody, type Hold } from 'hamro-concert.contracts';
import { apiRequest, type ApiError } from '../../../lib/api-client';
import { withProofOfWork } from '../../../lib/proof-of-work';

export interface CreateHoldRequest {
  body: CreateHoldBody;
  idempotencyKey: string;
  /** The waiting room's pass, while the concert's sale has one. */
  admissionPass?: string | null;
}

/**
 * Holds seats for this buyer for a few minutes while they fill in their details. Without a waiting
 * room's pass, a new browser session's first hold carries its proof of work.
 */
export function createHold({ body, idempotencyKey, admissionPass }: CreateHoldRequest, client: QueryClient) {
  const send = (headers: Record<string, string | null>) =>
    apiRequest('/holds', holdSchema, {
      method: 'POST',
      body,
      idempotencyKey,
      headers: { [ADMISSION_PASS_HEADER]: admissionPass, ...headers },
    });
  return admissionPass ? send({}) : withProofOfWork(client, body.concertId, send);
}

type CreateHoldOptions = Omit<UseMutationOptions<Hold, ApiError, CreateHoldRequest>, 'mutationFn'>;

export function useCreateHold(options: CreateHoldOptions = {}) {
  return useMutation({ ...options, mutationFn: (request, { client }) => createHold(request, client) });
}
