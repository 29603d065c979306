import { vi } from 'vitest';

export interface StubRequest {
  method: string;
  path: string;
  body: unknown;
  idempotencyKey: string | null;
  keepalive: boolean;
  authorization: string | null;
  /** Every header sent, such as Queue-Ticket or Admission-Pass. */
  headers: Headers;
}

type Answer = { status: number; body: unknown; headers?: Record<string, string> };
export type StubAnswer = Answer | Promise<Answer>;

const CHALLENGE = /^\/concerts\/[^/]+\/challenge$/;

/**
 * Replaces fetch for one component test with a function from request to answer. Only component
 * tests use this; the end-to-end tests talk to the real API. Unless `proofOfWork` says otherwise,
 * the API asks this browser session for no proof of work (GET /concerts/:id/challenge), unrecorded.
 */
export function stubFetch(
  answer: (request: StubRequest) => StubAnswer,
  { proofOfWork = false }: { proofOfWork?: boolean } = {},
) {
  const calls: StubRequest[] = [];
  const fetchStub = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = new URL(String(input), 'http://localhost');
    const request: StubRequest = {
      method: init?.method ?? 'GET',
      path: `${url.pathname}${url.search}`,
      body: typeof init?.body === 'string' ? JSON.parse(init.body) : undefined,
      idempotencyKey: new Headers(init?.headers).get('Idempotency-Key'),
      keepalive: init?.keepalive ?? false,
      authorization: new Headers(init?.headers).get('Authorization'),
      headers: new Headers(init?.headers),
    };
    if (!proofOfWork && request.method === 'GET' && CHALLENGE.test(url.pathname)) {
      return new Response(JSON.stringify({ required: false, challenge: null }), {
        headers: { 'Content-Type': 'application/json' },
      });
    }
    calls.push(request);
    const { status, body, headers = {} } = await answer(request);
    if (status === 204) return new Response(null, { status, headers });
    const contentType = status >= 400 ? 'application/problem+json' : 'application/json';
    return new Response(JSON.stringify(body), { status, headers: { 'Content-Type': contentType, ...headers } });
  });
  vi.stubGlobal('fetch', fetchStub);
  return { calls };
}

export function problem(status: number, code: string, extra: Record<string, unknown> = {}) {
  return {
    status,
    body: {
      type: `https://hamro-concert.example/problems/${code}`,
      title: code,
      status,
      detail: code,
      code,
      instance: '/x',
      requestId: 'req-1',
      ...extra,
    },
  };
}
