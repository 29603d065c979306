import type { QueryClient } from '@tanstack/react-query';
import { ADMISSION_PASS_HEADER, holdSchema, type Hold } from 'hamro-concert.contracts';
import { apiRequest } from '../../../lib/api-client';
import { withProofOfWork } from '../../../lib/proof-of-work';

/** What both ways of holding send: the body, its Idempotency-Key, and the waiting room's pass if there is one. */
export interface HoldRequest<B extends { concertId: string }> {
  body: B;
  idempotencyKey: string;
  /** The waiting room's pass, while the concert's sale has one. */
  admissionPass?: string | null;
}

/**
 * Posts a hold (POST /holds or /holds/best-available). Without a waiting room's pass, a new browser
 * session's first hold carries its proof of work.
 */
export function postHold<B extends { concertId: string }>(
  path: string,
  { body, idempotencyKey, admissionPass }: HoldRequest<B>,
  client: QueryClient,
): Promise<Hold> {
  const send = (headers: Record<string, string | null>) =>
    apiRequest(path, holdSchema, {
      method: 'POST',
      body,
      idempotencyKey,
      headers: { [ADMISSION_PASS_HEADER]: admissionPass, ...headers },
    });
  return admissionPass ? send({}) : withProofOfWork(client, body.concertId, send);
}
