import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import type { Signer } from '../lib/signer.js';

const COOKIE = 'hamro_session';
const DAY_MS = 24 * 60 * 60 * 1000;

/** The value of one cookie in a Cookie header. */
function cookieValue(header: string | undefined, name: string): string | undefined {
  for (const part of header?.split(';') ?? []) {
    const [key, ...value] = part.trim().split('=');
    if (key === name) return value.join('=');
  }
  return undefined;
}

/**
 * Who a request comes from, as far as this instance can tell without a database: its client address
 * and, if it carries one, its session cookie (unverified: a forged one only names another client).
 */
export function clientKeys(req: Request): string[] {
  const session = cookieValue(req.headers.cookie, COOKIE);
  return session ? [`address:${req.ip}`, `session:${session}`] : [`address:${req.ip}`];
}

/**
 * Browser sessions: a signed, HTTP-only cookie naming a random session id. A request without a valid
 * one is given a new one with its answer; a client that drops its cookies only starts new sessions,
 * each of which still holds one set of seats at a time, and the rate limits bound how many it starts.
 */
export class BrowserSessions {
  constructor(private readonly signer: Signer) {}

  async idOf(req: Request, res: Response): Promise<string> {
    const presented = cookieValue(req.headers.cookie, COOKIE);
    const claims = presented
      ? ((await this.signer.verify(presented)) as { k?: unknown; s?: unknown } | undefined)
      : undefined;
    if (claims?.k === 'session' && typeof claims.s === 'string') return claims.s;
    const id = randomUUID();
    res.cookie(COOKIE, await this.signer.sign({ k: 'session', s: id }), {
      httpOnly: true,
      sameSite: 'lax',
      secure: req.secure,
      path: '/',
      maxAge: DAY_MS,
    });
    return id;
  }
}
