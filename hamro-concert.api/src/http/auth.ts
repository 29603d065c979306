import { createHash, timingSafeEqual } from 'node:crypto';
import type { RequestHandler } from 'express';
import { AppError } from './errors.js';

export interface AccessTokens {
  /** ADMIN_TOKEN: catalogue changes and reports; also opens staff routes. Unset: admin routes are off. */
  admin?: string | undefined;
  /** STAFF_TOKEN: the door (check-in). */
  staff?: string | undefined;
}

export type Role = 'admin' | 'staff';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Compares digests, so the time taken says nothing about how much of a token was right. */
function matches(presented: string, expected: string): boolean {
  return timingSafeEqual(digest(presented), digest(expected));
}

/**
 * Guards a route with `Authorization: Bearer <token>`: no token 401, a wrong one 403. An admin token
 * also opens staff routes. Tokens are never logged or echoed.
 */
export function requireRole(tokens: AccessTokens, role: Role): RequestHandler {
  const accepted = (role === 'admin' ? [tokens.admin] : [tokens.admin, tokens.staff]).filter((token): token is string =>
    Boolean(token),
  );
  return (req, _res, next) => {
    if (accepted.length === 0) {
      throw new AppError(
        403,
        `${role}-access-disabled`,
        role === 'admin'
          ? 'Admin routes are switched off. Set ADMIN_TOKEN on the server to enable them.'
          : 'Staff routes are switched off. Set STAFF_TOKEN (or ADMIN_TOKEN) on the server to enable them.',
      );
    }
    const header = req.get('authorization') ?? '';
    const presented = /^Bearer\s+(\S+)\s*$/i.exec(header)?.[1];
    if (!presented) {
      throw new AppError(
        401,
        'unauthorized',
        `This route needs an ${role} token: Authorization: Bearer <token>.`,
        {},
        {
          'WWW-Authenticate': 'Bearer',
        },
      );
    }
    if (!accepted.some((token) => matches(presented, token))) {
      throw new AppError(403, 'forbidden', `That token does not give ${role} access.`);
    }
    next();
  };
}

/** Guards a route with one bearer token of its own (METRICS_TOKEN): no token 401, a wrong one 403. */
export function requireBearer(token: string, what: string): RequestHandler {
  return (req, _res, next) => {
    const presented = /^Bearer\s+(\S+)\s*$/i.exec(req.get('authorization') ?? '')?.[1];
    if (!presented) {
      throw new AppError(
        401,
        'unauthorized',
        `${what} needs its token: Authorization: Bearer <token>.`,
        {},
        {
          'WWW-Authenticate': 'Bearer',
        },
      );
    }
    if (!matches(presented, token)) throw new AppError(403, 'forbidden', `That token does not open ${what}.`);
    next();
  };
}

/** Whether the request bears the admin or staff token: the organizer's and the door's own devices. */
export function bearsAccessToken(tokens: AccessTokens, authorization: string | undefined): boolean {
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
  if (!presented) return false;
  return [tokens.admin, tokens.staff].some((token) => token !== undefined && token !== '' && matches(presented, token));
}
