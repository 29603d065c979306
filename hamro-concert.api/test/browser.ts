import { solveChallenge, type Challenge } from 'altcha-lib';
import { deriveKey } from 'altcha-lib/algorithms/pbkdf2';
import type { TestApp, JsonResponse } from './harness.js';

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
    const response = await fetch(`${this.app.baseUrl}${path}`, {
      method,
      headers: {
        'x-forwarded-for': this.address,
        ...(this.cookie && { cookie: this.cookie }),
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = response.headers.getSetCookie().find((cookie) => cookie.startsWith('hamro_session='));
    if (set && this.keepsCookies) this.cookie = set.split(';')[0];
    const text = await response.text();
    let parsed: unknown = text;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      // not JSON; keep the text
    }
    return { status: response.status, headers: response.headers, body: parsed as T };
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
