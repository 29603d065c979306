import { QueryClient } from '@tanstack/react-query';
import { createChallenge, verifySolution, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { problem, stubFetch } from '../test/fetch-stub';
import { apiRequest } from './api-client';
import { withProofOfWork } from './proof-of-work';
import { z } from 'zod';

afterEach(() => vi.unstubAllGlobals());

const CONCERT = '11111111-2222-4333-8444-555555555555';
const secrets = { hmacSignatureSecret: 'test-signature-secret', hmacKeySignatureSecret: 'test-key-secret' };

/** A challenge as the API makes one (cheap here), for the session of this test. */
const challenge = () => createChallenge({ algorithm: 'PBKDF2/SHA-256', cost: 10, counter: 25, deriveKey, ...secrets });

async function verified(header: string | null): Promise<boolean> {
  if (!header) return false;
  const payload = JSON.parse(atob(header)) as {
    challenge: Challenge;
    solution: { counter: number; derivedKey: string };
  };
  return (await verifySolution({ ...payload, deriveKey, ...secrets })).verified;
}

const hold = (headers: Record<string, string | null>) =>
  apiRequest('/holds', z.object({ holdToken: z.string() }), { method: 'POST', body: {}, headers });

describe('a proof of work owed by a new browser session', () => {
  it('solves the challenge, sends the solution with the first hold only, and asks for no more once it was taken', async () => {
    const issued = await challenge();
    const { calls } = stubFetch(
      ({ path }) =>
        path.endsWith('/challenge')
          ? { status: 200, body: { required: true, challenge: issued } }
          : { status: 201, body: { holdToken: 'h' } },
      { proofOfWork: true },
    );
    const client = new QueryClient();
    await withProofOfWork(client, CONCERT, hold);
    await withProofOfWork(client, CONCERT, hold);
    const posts = calls.filter((call) => call.method === 'POST');
    expect(await verified(posts[0]!.headers.get('Proof-Of-Work'))).toBe(true);
    expect(posts[1]!.headers.get('Proof-Of-Work')).toBeNull();
    expect(calls.filter((call) => call.path.endsWith('/challenge'))).toHaveLength(1);
  });

  it('when the API no longer takes a proof (it ran out), solves a fresh challenge and sends the hold again once', async () => {
    const [stale, fresh] = [await challenge(), await challenge()];
    let challenges = 0;
    const { calls } = stubFetch(
      ({ path, headers }) => {
        if (path.endsWith('/challenge'))
          return { status: 200, body: { required: true, challenge: challenges++ ? fresh : stale } };
        const sent = JSON.parse(atob(headers.get('Proof-Of-Work')!)) as { challenge: Challenge };
        return sent.challenge.signature === fresh.signature
          ? { status: 201, body: { holdToken: 'h' } }
          : problem(403, 'proof-of-work-required');
      },
      { proofOfWork: true },
    );
    await expect(withProofOfWork(new QueryClient(), CONCERT, hold)).resolves.toEqual({ holdToken: 'h' });
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(2);
  });

  it('when the API owes nothing, sends the request as it is', async () => {
    const { calls } = stubFetch(
      ({ path }) =>
        path.endsWith('/challenge')
          ? { status: 200, body: { required: false, challenge: null } }
          : { status: 201, body: { holdToken: 'h' } },
      { proofOfWork: true },
    );
    await withProofOfWork(new QueryClient(), CONCERT, hold);
    expect(calls.find((call) => call.method === 'POST')!.headers.get('Proof-Of-Work')).toBeNull();
  });
});
