import { createHash } from 'node:crypto';
import type { RequestHandler } from 'express';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { AppError } from './errors.js';
import * as repository from './idempotency.repository.js';

const KEY_TTL_HOURS = 24;
/**
 * A key claimed longer ago than this with no answer belongs to a request that has ended without one
 * (its answer could not be stored): a retry then recovers the booking it made, or runs again.
 */
const STALE_CLAIM_SECONDS = 30;

/** A request's Idempotency-Key on its endpoint, for a statement that links what it writes to the key. */
export interface RequestKey {
  endpoint: string;
  key: string;
}

export interface IdempotencyOptions {
  /**
   * The answer for a booking the first request with this key made, whose own answer was lost after
   * the booking committed: a 201 body, or undefined if there is no such booking.
   */
  recover?: (reference: string, body: unknown) => Promise<unknown>;
}
const keySchema = z.string().regex(/^[\x21-\x7e]{1,200}$/, 'Idempotency-Key must be 1 to 200 visible ASCII characters');

export const idempotencyKeyHeader = z.object({
  'idempotency-key': keySchema.optional().meta({
    description: 'Makes a retry safe: the same key and body within 24 hours get the first response again',
  }),
});

function hashOf(body: unknown): string {
  return createHash('sha256')
    .update(JSON.stringify(body ?? null))
    .digest('base64url');
}

/**
 * Honours an Idempotency-Key header on a POST: the first request with a key runs and its response
 * (status, type and exact body) is kept for 24 hours per endpoint; the same key with the same body
 * gets that response again without anything being done twice; with a different body, 422; while the
 * first is still running, 409. A 5xx is not kept, so the request can be retried. The handler finds
 * the key in `res.locals.requestKey`, for a booking statement to link its booking to it: if the
 * answer then cannot be stored, a later retry answers with that booking (`recover`); a key left with
 * neither is taken over by a retry once it is STALE_CLAIM_SECONDS old.
 */
export function idempotent(
  db: Db,
  endpoint: string,
  handler: RequestHandler,
  options: IdempotencyOptions = {},
): RequestHandler {
  return async (req, res, next) => {
    const header = req.get('idempotency-key');
    if (header === undefined) return handler(req, res, next);
    const key = keySchema.parse(header);
    const requestHash = hashOf(req.body);

    if (!(await repository.claimKey(db, endpoint, key, requestHash, KEY_TTL_HOURS))) {
      const stored = await repository.findKey(db, endpoint, key);
      if (!stored)
        throw new AppError(
          409,
          'idempotency-key-in-use',
          'This Idempotency-Key is busy; retry in a moment.',
          {},
          { 'Retry-After': '1' },
        );
      if (stored.requestHash !== requestHash) {
        throw new AppError(
          422,
          'idempotency-key-reused',
          'This Idempotency-Key was already used with a different request.',
        );
      }
      const unanswered = stored.status === null || stored.body === null;
      if (unanswered && stored.bookingReference && options.recover) {
        const answer = await options.recover(stored.bookingReference, req.body);
        if (answer !== undefined) {
          const body = JSON.stringify(answer);
          await repository.saveResponse(db, endpoint, key, {
            status: 201,
            type: 'application/json; charset=utf-8',
            body,
          });
          res.status(201).set('Idempotent-Replayed', 'true').type('application/json').send(body);
          return;
        }
      }
      const takenOver =
        unanswered &&
        stored.ageSeconds >= STALE_CLAIM_SECONDS &&
        !stored.bookingReference &&
        (await repository.reclaimStaleKey(db, endpoint, key, STALE_CLAIM_SECONDS));
      if (takenOver) return run(db, endpoint, key, handler, req, res, next);
      if (stored.status === null || stored.body === null) {
        throw new AppError(
          409,
          'idempotency-key-in-use',
          'A request with this Idempotency-Key is still being processed.',
          {},
          {
            'Retry-After': '1',
          },
        );
      }
      res.status(stored.status).set('Idempotent-Replayed', 'true');
      if (stored.type) res.type(stored.type);
      res.send(stored.body);
      return;
    }

    return run(db, endpoint, key, handler, req, res, next);
  };
}

/** Runs the handler for a request that holds the key, keeping its response before it leaves. */
function run(
  db: Db,
  endpoint: string,
  key: string,
  handler: RequestHandler,
  ...[req, res, next]: Parameters<RequestHandler>
) {
  res.locals.requestKey = { endpoint, key } satisfies RequestKey;
  // The response is kept before it leaves, so a retry that follows it always finds it.
  const send = res.send.bind(res);
  let keeping = false;
  res.send = (body?: unknown) => {
    if (keeping || typeof body !== 'string') return send(body);
    keeping = true;
    const kept =
      res.statusCode >= 500
        ? repository.forgetKey(db, endpoint, key)
        : repository.saveResponse(db, endpoint, key, {
            status: res.statusCode,
            type: res.get('content-type') ?? null,
            body,
          });
    kept.then(
      () => send(body),
      (error: unknown) => next(error),
    );
    return res;
  };
  return handler(req, res, next);
}
