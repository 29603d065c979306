import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { PROOF_OF_WORK_HEADER, type ProofOfWork as ProofOfWorkAnswer } from 'hamro-concert.contracts';
import type { Signer } from '../lib/signer.js';
import { AppError } from './errors.js';
import type { ProofOfWork } from './proof-of-work.js';

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

interface SessionClaims {
  k: 'session';
  /** The session's id. */
  s: string;
  /** Set once the session has solved a proof of work. */
  p?: 1;
}

export interface Session {
  id: string;
  proven: boolean;
}

/**
 * Browser sessions: a signed, HTTP-only cookie naming a random session id, and whether the session
 * has proven itself with a proof of work. A session is what a buyer keeps, so the rate limits count
 * a buyer by it, a hold without a pass belongs to it, and a waiting room gives it one place. A client
 * that drops its cookies only starts new sessions: `onStart` counts them per address, and each new
 * session's first hold or join costs a proof of work.
 */
export class BrowserSessions {
  constructor(
    private readonly signer: Signer,
    private readonly proofs: ProofOfWork,
    /** Counts a session about to start for this request's address; throws to refuse it. */
    private readonly onStart: (req: Request, res: Response) => Promise<void> = async () => {},
  ) {}

  /** The session a request claims, unchecked (for looking it up among the refused only). */
  claimed(req: Request): string | undefined {
    const body = cookieValue(req.headers.cookie, COOKIE)?.split('.')[0];
    if (!body) return undefined;
    try {
      const claims = JSON.parse(Buffer.from(body, 'base64url').toString('utf8')) as { s?: unknown };
      return typeof claims.s === 'string' ? claims.s : undefined;
    } catch {
      return undefined;
    }
  }

  /** The request's session, if its cookie is genuine. */
  async current(req: Request): Promise<Session | undefined> {
    const presented = cookieValue(req.headers.cookie, COOKIE);
    const claims = presented
      ? ((await this.signer.verify(presented)) as Partial<SessionClaims> | undefined)
      : undefined;
    return claims?.k === 'session' && typeof claims.s === 'string'
      ? { id: claims.s, proven: claims.p === 1 }
      : undefined;
  }

  private async issue(req: Request, res: Response, session: Session) {
    const claims: SessionClaims = { k: 'session', s: session.id, ...(session.proven ? { p: 1 as const } : {}) };
    res.cookie(COOKIE, await this.signer.sign(claims), {
      httpOnly: true,
      sameSite: 'lax',
      secure: req.secure,
      path: '/',
      maxAge: DAY_MS,
    });
  }

  /** Starts a session for the request (429 when its address has started too many lately). */
  async start(req: Request, res: Response): Promise<Session> {
    await this.onStart(req, res);
    const session = { id: randomUUID(), proven: false };
    await this.issue(req, res, session);
    return session;
  }

  /** The request's session, started if it has none. */
  async of(req: Request, res: Response): Promise<Session> {
    return (await this.current(req)) ?? this.start(req, res);
  }

  /** Starts a session for a browser opening the web app, unless it has one or its address may start no more. */
  async welcome(req: Request, res: Response): Promise<void> {
    if (await this.current(req)) return;
    await this.start(req, res).catch(() => undefined);
  }

  /** Whether the session still owes a proof of work, and the challenge for it (GET /concerts/{id}/challenge). */
  async challenge(req: Request, res: Response, concertId: string): Promise<ProofOfWorkAnswer> {
    const session = await this.of(req, res);
    if (!this.proofs.enabled || session.proven) return { required: false, challenge: null };
    return { required: true, challenge: await this.proofs.challenge(session.id, concertId) };
  }

  /**
   * The request's session, which must have proven itself: by an earlier proof of work, or by the one
   * the request carries (the cookie then says so). 403 `proof-of-work-required` otherwise.
   */
  async proven(req: Request, res: Response, concertId: string): Promise<Session> {
    const session = await this.of(req, res);
    if (!this.proofs.enabled || session.proven) return session;
    if (!(await this.proofs.verify(req.get(PROOF_OF_WORK_HEADER), session.id, concertId))) {
      throw new AppError(
        403,
        'proof-of-work-required',
        'A new browser session proves itself once before it holds seats or joins a waiting room: solve the ' +
          `challenge from GET /concerts/${concertId}/challenge and send it in the ${PROOF_OF_WORK_HEADER} header.`,
        { challenge: `/concerts/${concertId}/challenge` },
      );
    }
    const proven = { id: session.id, proven: true };
    await this.issue(req, res, proven);
    return proven;
  }
}
