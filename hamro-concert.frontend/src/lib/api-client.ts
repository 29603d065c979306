import { PROBLEM_CODES, type Problem, type ProblemCode } from 'hamro-concert.contracts';
import type { z } from 'zod';
import { env } from '../config/env';

/** The app's own codes, for failures the API did not describe: no connection, no problem document, an answer off its contract. */
const CLIENT_CODES = ['network-error', 'http-error', 'unexpected-response'] as const;
type ClientCode = (typeof CLIENT_CODES)[number];

/** A failure's code as the app branches on it: one of the API's problem codes, or one of the app's own. */
export type ErrorCode = ProblemCode | ClientCode;

const KNOWN_CODES: ReadonlySet<string> = new Set<string>([...PROBLEM_CODES, ...CLIENT_CODES]);

function isKnownCode(code: string): code is ErrorCode {
  return KNOWN_CODES.has(code);
}

/** A failed request: the API's problem document, or a stand-in when the network itself failed. */
export class ApiError extends Error {
  /**
   * The code to branch on, checked against the codes this app was built with. A newer API may send
   * one this app does not know: then it is undefined (`problem.code` keeps it as sent), and the
   * failure is handled as any other of its status.
   */
  readonly code: ErrorCode | undefined;

  constructor(
    readonly status: number,
    readonly problem: Problem,
    /** How long the API asked us to wait before trying again (its Retry-After header), in seconds. */
    readonly retryAfterSeconds: number | null = null,
  ) {
    super(problem.detail || problem.title);
    this.name = 'ApiError';
    this.code = isKnownCode(problem.code) ? problem.code : undefined;
  }
}

function localProblem(status: number, code: ClientCode, title: string, detail: string): Problem {
  return { type: 'about:blank', title, status, detail, code, instance: '', requestId: '' };
}

function isProblem(body: unknown): body is Problem {
  return typeof body === 'object' && body !== null && typeof (body as { code?: unknown }).code === 'string';
}

async function readProblem(response: Response): Promise<Problem> {
  const body: unknown = await response.json().catch(() => null);
  if (isProblem(body)) return body;
  return localProblem(
    response.status,
    'http-error',
    response.statusText || 'Request failed',
    `The server answered ${response.status}.`,
  );
}

interface RequestOptions {
  method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal | undefined;
  /** Sent as the Idempotency-Key header, so a repeated request is not acted on twice. */
  idempotencyKey?: string;
  /** Lets the request finish while the page unloads. */
  keepalive?: boolean;
  /** An organizer's or door staff's token, sent as `Authorization: Bearer`. */
  token?: string | undefined;
  /** Further headers, such as a waiting room's Queue-Ticket or Admission-Pass; unset ones are left out. */
  headers?: Record<string, string | null | undefined>;
}

/** The full URL of an API path, as the app calls it. */
export function apiUrl(path: string): string {
  return `${env.apiBaseUrl}${path}`;
}

/** Retry-After as whole seconds; an HTTP date is turned into the seconds until then. */
function retryAfter(response: Response): number | null {
  const value = response.headers.get('Retry-After');
  if (value === null || value.trim() === '') return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds));
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - Date.now()) / 1000));
}

async function send(path: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  for (const [name, value] of Object.entries(options.headers ?? {})) if (value) headers[name] = value;
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.idempotencyKey) headers['Idempotency-Key'] = options.idempotencyKey;
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  let response: Response;
  try {
    response = await fetch(apiUrl(path), {
      method: options.method ?? 'GET',
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      signal: options.signal ?? null,
      keepalive: options.keepalive ?? false,
      // The browser session's cookie goes along to an API on another origin of the same site too.
      credentials: 'include',
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(
      0,
      localProblem(
        0,
        'network-error',
        'No connection',
        'We could not reach Hamro Concert. Check your connection and try again.',
      ),
    );
  }
  if (!response.ok) throw new ApiError(response.status, await readProblem(response), retryAfter(response));
  return response;
}

/** Calls an API path that answers without a body (204); throws ApiError on failure. */
export async function apiCall(path: string, options: RequestOptions = {}): Promise<void> {
  await send(path, options);
}

/** Calls the API and checks the answer against its contract schema; throws ApiError on failure. */
export async function apiRequest<S extends z.ZodType>(
  path: string,
  schema: S,
  options: RequestOptions = {},
): Promise<z.infer<S>> {
  const response = await send(path, options);
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) {
    throw new ApiError(
      response.status,
      localProblem(
        response.status,
        'unexpected-response',
        'Unexpected answer',
        'The server sent an answer we did not understand.',
      ),
    );
  }
  return parsed.data;
}

/** Whether a failed request is worth repeating automatically (not for answers that will not change). */
export function isRetryable(error: unknown): boolean {
  if (!(error instanceof ApiError)) return true;
  return error.status === 0 || error.status >= 500;
}
