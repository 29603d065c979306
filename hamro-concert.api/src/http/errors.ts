import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { ZodError } from 'zod';
import { routeOf } from './access-log.js';
import type { ProblemCode } from 'hamro-concert.contracts';

export interface FieldIssue {
  path: string;
  message: string;
}

/**
 * The one error type domain code throws: a stable machine code, an HTTP status and a human message.
 * It carries no stack trace: it is an expected answer, named by its code, and in a crowd of refused
 * buyers capturing a trace for each was a measurable part of every refusal.
 */
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: ProblemCode,
    message: string,
    readonly details: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    const stackTraceLimit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    super(message);
    Error.stackTraceLimit = stackTraceLimit;
    this.name = 'AppError';
  }
}

export const badRequest = (code: ProblemCode, message: string, details?: Record<string, unknown>) =>
  new AppError(400, code, message, details);
export const notFound = (code: ProblemCode, message: string, details?: Record<string, unknown>) =>
  new AppError(404, code, message, details);
export const conflict = (code: ProblemCode, message: string, details?: Record<string, unknown>) =>
  new AppError(409, code, message, details);
/** Being busy is not the request's fault: 503 `busy-try-again` with Retry-After, as a retry in a moment may well succeed. */
export const busyTryAgain = (message: string) =>
  new AppError(503, 'busy-try-again', message, {}, { 'Retry-After': '1' });

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  408: 'Request Timeout',
  409: 'Conflict',
  410: 'Gone',
  413: 'Content Too Large',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

export function zodIssues(error: ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
}

interface HttpLikeError {
  type?: string;
  status?: number;
  expose?: boolean;
  code?: string;
}

interface PgLikeError {
  code?: string;
  constraint?: string;
  syscall?: string;
  message?: string;
}

/**
 * SQLSTATEs of a database that is going away, starting, or full, or of a node that was primary and
 * is now a read-only replica (25006, met during a failover until the load balancer moves on): try
 * again shortly. pg's pool discards a client whose query failed, so the retry gets a new connection.
 */
const UNAVAILABLE_SQLSTATES = new Set([
  '25006',
  '57P01',
  '57P02',
  '57P03',
  '53300',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
]);
const UNAVAILABLE_SOCKET_ERRORS = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH']);
const UNAVAILABLE_MESSAGES =
  /^(timeout exceeded when trying to connect|Connection terminated|Client has encountered a connection error|Client was closed)/;

/** Whether an error says the database could not be reached or dropped the connection, rather than a bug. */
export function isDatabaseUnavailable(error: unknown): boolean {
  const pgError = error as PgLikeError;
  if (!pgError || typeof pgError !== 'object') return false;
  if (pgError.code && UNAVAILABLE_SQLSTATES.has(pgError.code)) return true;
  if (pgError.code && UNAVAILABLE_SOCKET_ERRORS.has(pgError.code)) return true;
  if (pgError.code === 'ENOENT' && pgError.syscall === 'connect') return true;
  return typeof pgError.message === 'string' && UNAVAILABLE_MESSAGES.test(pgError.message);
}

/** The driver's own error inside the query builder's wrapper (DrizzleQueryError keeps it as `cause`). */
function unwrap(error: unknown): unknown {
  let inner = error;
  for (let depth = 0; depth < 5 && inner instanceof Error && inner.cause !== undefined; depth++) {
    if ((inner as PgLikeError).code) break;
    inner = inner.cause;
  }
  return inner;
}

/** Translates anything thrown into an AppError; undefined means an unexpected failure (a 500). */
export function toAppError(thrown: unknown): AppError | undefined {
  if (thrown instanceof AppError) return thrown;
  const error = unwrap(thrown);
  if (error instanceof ZodError) {
    return new AppError(400, 'validation-failed', 'The request is not valid.', { errors: zodIssues(error) });
  }
  const http = error as HttpLikeError;
  // The router could not decode a path parameter: a `%` not followed by two hex digits of UTF-8.
  if (error instanceof URIError && http.status === 400) {
    return new AppError(
      400,
      'malformed-path',
      'The path is not valid: each % must start an escape of UTF-8, such as %20.',
    );
  }
  switch (http.type) {
    case 'entity.parse.failed':
      return new AppError(400, 'malformed-json', 'The request body is not valid JSON.');
    case 'entity.too.large':
      return new AppError(413, 'payload-too-large', 'The request body is too large.');
    case 'encoding.unsupported':
    case 'charset.unsupported':
      return new AppError(415, 'unsupported-encoding', 'The request body uses an encoding this API does not accept.');
  }
  if (typeof http.status === 'number' && http.status >= 400 && http.status < 500 && http.expose) {
    return new AppError(http.status, 'bad-request', 'The request could not be understood.');
  }
  if (isDatabaseUnavailable(error)) {
    return busyTryAgain('The service cannot reach its database for a moment; please try again shortly.');
  }
  const pgError = error as PgLikeError;
  switch (pgError.code) {
    case '23505':
      return new AppError(409, 'conflict', 'The change conflicts with data written at the same moment; try again.', {
        constraint: pgError.constraint,
      });
    case '23514': // check_violation: only a sales window ending before it opens is not caught by zod first
      if (pgError.constraint?.endsWith('_sales_window_ordered')) {
        return new AppError(400, 'validation-failed', 'The request is not valid.', {
          errors: [{ path: 'salesCloseAt', message: 'must be after salesOpenAt' }],
        });
      }
      return undefined;
    case '55P03': // lock_not_available: lock_timeout fired
    case '40P01': // deadlock_detected
    case '40001': // serialization_failure
      return busyTryAgain('These seats are busy with other buyers right now; please try again in a moment.');
    case '57014': // query_canceled: statement_timeout
      return new AppError(503, 'timeout', 'The request took too long; please try again.', {}, { 'Retry-After': '1' });
  }
  return undefined;
}

export function problemBody(
  error: Pick<AppError, 'status' | 'code' | 'message' | 'details'>,
  instance: string,
  requestId: string,
) {
  return {
    type: `urn:hamro-concert:problem:${error.code}`,
    title: TITLES[error.status] ?? 'Error',
    status: error.status,
    detail: error.message,
    code: error.code,
    instance,
    requestId,
    ...error.details,
  };
}

export const notFoundHandler: RequestHandler = (req) => {
  throw new AppError(404, 'route-not-found', `There is no ${req.method} ${req.path} in this API.`);
};

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, next) => {
    if (res.headersSent) {
      next(error);
      return;
    }
    const requestId = String(res.locals.requestId ?? '');
    let appError = toAppError(error);
    if (!appError) {
      // With the request id, as the access line has it; the path and query are left out, as they may name a buyer.
      logger.error(
        { reqId: res.locals.requestId, err: error, method: req.method, route: routeOf(req, res) },
        'request failed',
      );
      appError = new AppError(
        500,
        'internal-error',
        `Something went wrong on our side. Quote request id ${requestId} if you contact us.`,
      );
    }
    // For the access log and the metrics: the answer's code, and the database's reason if it gave one.
    res.locals.problemCode = appError.code;
    res.locals.sqlState = (unwrap(error) as PgLikeError | undefined)?.code;
    res
      .status(appError.status)
      .set(appError.headers)
      .type('application/problem+json')
      .send(JSON.stringify(problemBody(appError, req.originalUrl, requestId)));
  };
}
