import { randomUUID } from 'node:crypto';
import type { Request, RequestHandler, Response } from 'express';
import type { Logger } from 'pino';

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
function accessLine(req: Request, res: Response, durationMs: number) {
  return {
    method: req.method,
    route: routeOf(req, res),
    status: res.statusCode,
    code: res.locals.problemCode as string | undefined,
    durationMs,
    ...(res.writableFinished ? {} : { aborted: true }),
  };
}

/**
 * One access log line per request (method, route, status, duration, request id). The request id
 * (`res.locals.requestId`, logged as `reqId` on every line about the request) is the caller's
 * `X-Request-Id` when it is a plain token, otherwise a new one; it is sent back in that header and
 * in every problem answer. Query strings, bodies and headers are never logged.
 */
export function accessLog(logger: Logger): RequestHandler {
  return (req, res, next) => {
    const started = Date.now();
    const incoming = req.headers['x-request-id'];
    const reqId = typeof incoming === 'string' && INCOMING_ID.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', reqId);
    res.locals.requestId = reqId;
    let logged = false;
    const done = () => {
      if (logged) return;
      logged = true;
      const failed = res.statusCode >= 500;
      const level = failed
        ? res.statusCode === 503
          ? 'warn'
          : 'error'
        : req.path.startsWith('/health')
          ? 'debug'
          : 'info';
      if (!logger.isLevelEnabled(level)) return;
      logger[level](
        { reqId, ...accessLine(req, res, Date.now() - started) },
        failed ? 'request failed' : 'request completed',
      );
    };
    res.once('finish', done);
    res.once('close', done);
    next();
  };
}
