import type { RequestHandler } from 'express';
import type pg from 'pg';
import { busyTryAgain } from './errors.js';

/** Paths that never touch the database, answered however busy the pool is. */
const WITHOUT_DATABASE = /^\/(health|docs|openapi\.json|assets\/)/;

/**
 * Bounds the work an instance accepts: while `maxWaiting` requests already queue for a pooled
 * connection, a new one is answered 503 `busy-try-again` at once instead of joining a queue it would
 * time out in. Overload so queues briefly and then sheds, never ends in timeouts.
 */
export function shedWhenBusy(pool: pg.Pool, maxWaiting: number): RequestHandler {
  return (req, res, next) => {
    if (pool.waitingCount < maxWaiting || WITHOUT_DATABASE.test(req.path)) return next();
    res.locals.shed = true;
    next(busyTryAgain('The service is busy with many buyers right now; please try again in a moment.'));
  };
}
