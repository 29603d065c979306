import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import { errorSerializer } from '../lib/logger.js';

const INCOMING_ID = /^[\w.-]{1,64}$/;

/**
 * The route a request was answered by, as its pattern (`/bookings/:reference`), never the path
 * itself: paths carry booking references and hold tokens. A path no route took is named by its
 * first segment only.
 */
export function routeOf(req: Request, res: Response): string {
  if (res.locals.route) return res.locals.route as string;
  const name = nameRoute(req, res);
  // Once the answer is sent its route is settled: the access line and the metrics share one naming.
  if (res.headersSent) res.locals.route = name;
  return name;
}

function nameRoute(req: Request, res: Response): string {
  const route = (req as { route?: { path?: unknown } }).route;
  if (typeof route?.path === 'string') return `${req.baseUrl}${route.path}`;
  if (res.statusCode < 400) return 'web-app';
  const first = req.path.split('/')[1]?.slice(0, 32);
  return first ? `/${first}/…` : '/';
}

/** What an access line says: never the path, the query, the body or a header. */
function accessLine(req: IncomingMessage, res: ServerResponse, durationMs: number) {
  const [request, response] = [req as Request, res as Response];
  return {
    method: request.method,
    route: routeOf(request, response),
    status: response.statusCode,
    code: response.locals.problemCode,
    durationMs,
    ...(response.writableFinished ? {} : { aborted: true }),
  };
}

/**
 * One access log line per request (method, route, status, duration, request id), and `req.log`, a
 * logger that puts the same request id on every line the request writes. The request id is the
 * caller's `X-Request-Id` when it is a plain token, otherwise a new one; it is sent back in that
 * header and in every problem answer. Query strings, bodies and headers are never logged.
 */
export function accessLog(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    serializers: { err: errorSerializer },
    quietReqLogger: true,
    quietResLogger: true,
    genReqId: (req, res) => {
      const incoming = req.headers['x-request-id'];
      const id = typeof incoming === 'string' && INCOMING_ID.test(incoming) ? incoming : randomUUID();
      res.setHeader('X-Request-Id', id);
      (res as Response).locals.requestId = id;
      return id;
    },
    customLogLevel: (req, res, error) => {
      if (error || res.statusCode >= 500) return res.statusCode === 503 ? 'warn' : 'error';
      return (req as Request).path.startsWith('/health') ? 'debug' : 'info';
    },
    customSuccessMessage: () => 'request completed',
    customErrorMessage: () => 'request failed',
    customSuccessObject: (req, res, value: { responseTime: number }) => accessLine(req, res, value.responseTime),
    customErrorObject: (req, res, _error, value: { responseTime: number }) => accessLine(req, res, value.responseTime),
  }) as unknown as RequestHandler;
}
