import { useMutation, type QueryClient, type UseMutationOptions } from '@tanstack/react-query';
import { ADMISSION_PASS_HEADER, holdSchema, type BestAvailableHoldBody, type Hold } from 'hamro-concert.contracts';
import { apiRequest, type ApiError } from '../../../lib/api-client';
import { withProofOfWork } from '../../../lib/proof-of-work';

export interface BestAvailableHoldRequest {
  body: BestAvailableHoldBody;
  idempotencyKey: string;
  /** The waiting room's pass, while the concert's sale has one. */
  admissionPass?: string | null;
}

/**
 * Lets the system choose and hold the best free seats of one tier (together, nearest the stage).
 * Without a waiting room's pass, a new browser session's first hold carries its proof of work.
 */
export function createBestAvailableHold(
  { body, idempotencyKey, admissionPass }: BestAvailableHoldRequest,
  client: QueryClient,
) {
  const send = (headers: Record<string, string | null>) =>
    apiRequest('/holds/best-available', holdSchema, {
      method: 'POST',
      body,
      idempotencyKey,
      headers: { [ADMISSION_PASS_HEADER]: admissionPass, ...headers },
    });
  return admissionPass ? send({}) : withProofOfWork(client, body.concertId, send);
}

type Options = Omit<UseMutationOptions<Hold, ApiError, BestAvailableHoldRequest>, 'mutationFn'>;

export function useCreateBestAvailableHold(options: Options = {}) {
  return useMutation({ ...options, mutationFn: (request, { client }) => createBestAvailableHold(request, client) });
}
