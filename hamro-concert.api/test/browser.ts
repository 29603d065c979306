import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import { request, type JsonResponse, type TestApp } from './harness.js';

/**
 * A client as a browser is one: it keeps the session cookie the API gives it (unless told to drop
 * it), comes from one client address (X-Forwarded-For, for an app that trusts one proxy hop), and
 * can solve the proof of work the API asks a new session for, as the web app does.
 */
export class Browser {
  cookie: string | undefined;

  constructor(
    private readonly app: TestApp,
    readonly address: string,
    private readonly keepsCookies = true,
  ) {}

  async request<T = any>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<JsonResponse<T>> {
    const answer = await request<T>(this.app, method, path, body, {
      'x-forwarded-for': this.address,
      ...(this.cookie && { cookie: this.cookie }),
      ...headers,
    });
    const set = answer.headers.getSetCookie().find((cookie) => cookie.startsWith('hamro_session='));
    if (set && this.keepsCookies) this.cookie = set.split(';')[0];
    return answer;
  }

  /** The concert's challenge for this session, solved: the Proof-Of-Work header's value, or undefined if none is owed. */
  async solve(concertId: string): Promise<string | undefined> {
    const answer = await this.request(`GET`, `/concerts/${concertId}/challenge`);
    if (answer.status !== 200)
      throw new Error(`the challenge answered ${answer.status}: ${JSON.stringify(answer.body)}`);
    if (!answer.body.required) return undefined;
    return proofHeader(answer.body.challenge as Challenge);
  }
}

/** Solves a challenge as a script would, natively: the Proof-Of-Work header's value. */
export async function proofHeader(challenge: Challenge): Promise<string> {
  const solution = await solveChallenge({ challenge, deriveKey });
  if (!solution) throw new Error('the challenge could not be solved');
  const payload = { challenge, solution: { counter: solution.counter, derivedKey: solution.derivedKey } };
  return Buffer.from(JSON.stringify(payload)).toString('base64');
}
