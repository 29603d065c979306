import { queryOptions, type QueryClient } from '@tanstack/react-query';
import { solveChallenge, solveChallengeWorkers, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/web/pbkdf2';
import { PROOF_OF_WORK_HEADER, proofOfWorkSchema } from 'hamro-concert.contracts';
import { apiRequest, ApiError } from './api-client';

/** Workers that share the solving: a phone's cores, at most four. */
const WORKERS = Math.min(4, Math.max(1, globalThis.navigator?.hardwareConcurrency ?? 2));

/** Finds a challenge's solution in background workers (on the page's thread where there are none). */
async function solve(challenge: Challenge): Promise<string> {
  const solution =
    typeof Worker === 'undefined'
      ? await solveChallenge({ challenge, deriveKey })
      : await solveChallengeWorkers({
          challenge,
          concurrency: WORKERS,
          createWorker: () => new Worker(new URL('./proof-of-work.worker.ts', import.meta.url), { type: 'module' }),
        });
  if (!solution) throw new Error('The check of this browser took too long; please try again.');
  const payload = { challenge, solution: { counter: solution.counter, derivedKey: solution.derivedKey } };
  return btoa(JSON.stringify(payload));
}

/**
 * The proof of work this browser session owes before its first hold or its place in a waiting room
 * (GET /concerts/:id/challenge), solved: the Proof-Of-Work header's value, or null when none is owed.
 * A challenge is good for ten minutes; fetching this early lets the solving (about a second on a
 * phone) happen while the buyer looks at the seats.
 */
export function proofOfWorkQueryOptions(concertId: string) {
  return queryOptions({
    queryKey: ['proof-of-work', concertId],
    queryFn: async ({ signal }) => {
      const owed = await apiRequest(`/concerts/${encodeURIComponent(concertId)}/challenge`, proofOfWorkSchema, {
        signal,
      });
      return owed.required && owed.challenge ? solve(owed.challenge as Challenge) : null;
    },
    staleTime: 8 * 60_000,
    gcTime: 10 * 60_000,
    refetchOnWindowFocus: false,
  });
}

/**
 * Sends a request that a new session pays for with its proof of work (a hold, joining a waiting
 * room), with the proof when one is owed. The API takes it once and remembers the session; a proof
 * it no longer takes (the challenge ran out, or the session changed) is solved afresh, once.
 */
export async function withProofOfWork<T>(
  client: QueryClient,
  concertId: string,
  send: (headers: Record<string, string | null>) => Promise<T>,
): Promise<T> {
  const options = proofOfWorkQueryOptions(concertId);
  const attempt = async () => send({ [PROOF_OF_WORK_HEADER]: await client.fetchQuery(options) });
  let result: T;
  try {
    result = await attempt();
  } catch (error) {
    if (!(error instanceof ApiError && error.code === 'proof-of-work-required')) throw error;
    client.removeQueries({ queryKey: options.queryKey });
    result = await attempt();
  }
  client.setQueryData(options.queryKey, null);
  return result;
}
