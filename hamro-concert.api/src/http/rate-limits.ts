import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, rateLimit, type IncrementResponse, type Options, type Store } from 'express-rate-limit';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import { AppError, problemBody } from './errors.js';

/** Requests per minute and client; 0 switches a limit off. */
export interface RateLimitSettings {
  /** RATE_LIMIT_WRITES_PER_MINUTE: POST, PUT, PATCH, DELETE per client address, and per admission pass. */
  writesPerMinute: number;
  /** RATE_LIMIT_READS_PER_MINUTE: GET and HEAD per client address. */
  readsPerMinute: number;
  /**
   * RATE_LIMIT_WRITE_BURST: writes per client address within 10 seconds, so that a minute's writes
   * cannot all arrive in one burst. Absent or 0: no such limit.
   */
  writeBurst?: number;
}

export const RATE_LIMIT_DEFAULTS: Required<RateLimitSettings> = {
  writesPerMinute: 60,
  readsPerMinute: 1200,
  writeBurst: 10,
};

/**
 * Counts requests in PostgreSQL, so every instance shares one count per client: a fixed window per
 * key, started by its first request and counted up in one upsert. Once the database has said a key
 * is over its limit, this instance refuses that key by itself until the window ends: a client
 * hammering the API costs one row update per window, not one per request.
 */
export class PostgresRateLimitStore implements Store {
  readonly localKeys = false;
  #windowMs = 60_000;
  #limit = Number.POSITIVE_INFINITY;
  readonly #refused = new Map<string, IncrementResponse>();

  constructor(
    private readonly db: Db,
    readonly prefix: string,
  ) {}

  init(options: Options): void {
    this.#windowMs = options.windowMs;
    if (typeof options.limit === 'number') this.#limit = options.limit;
  }

  async increment(key: string): Promise<IncrementResponse> {
    const refused = this.#refused.get(key);
    if (refused?.resetTime && refused.resetTime.getTime() > Date.now()) {
      refused.totalHits += 1;
      return { ...refused };
    }
    this.#refused.delete(key);
    // The count may be lost in a crash (the table is unlogged), so its commit need not wait for the
    // write-ahead log to reach the disk either: synchronous_commit is off for this statement alone.
    const { rows } = await this.db.execute<{ hits: number; window_ends_at: Date }>(sql`
      insert into rate_limit_hits (key, hits, window_ends_at)
      select ${this.prefix + key}, 1, now() + make_interval(secs => ${this.#windowMs / 1000})
      from (select set_config('synchronous_commit', 'off', true)) as no_wait
      on conflict (key) do update set
        hits = case when rate_limit_hits.window_ends_at <= now() then 1 else rate_limit_hits.hits + 1 end,
        window_ends_at = case when rate_limit_hits.window_ends_at <= now() then excluded.window_ends_at
                              else rate_limit_hits.window_ends_at end
      returning hits, window_ends_at`);
    const row = rows[0]!;
    const counted = { totalHits: row.hits, resetTime: new Date(row.window_ends_at) };
    if (counted.totalHits > this.#limit) {
      if (this.#refused.size > 10_000) this.#forgetEnded();
      this.#refused.set(key, counted);
    }
    return counted;
  }

  /** When the window ends of a key this instance already knows to be over its limit; else undefined. */
  refusedUntil(key: string): Date | undefined {
    const resetTime = this.#refused.get(key)?.resetTime;
    return resetTime && resetTime.getTime() > Date.now() ? resetTime : undefined;
  }

  #forgetEnded(): void {
    const now = Date.now();
    for (const [key, info] of this.#refused)
      if (!info.resetTime || info.resetTime.getTime() <= now) this.#refused.delete(key);
  }

  async decrement(key: string): Promise<void> {
    await this.db.execute(sql`
      update rate_limit_hits set hits = greatest(hits - 1, 0) where key = ${this.prefix + key}`);
  }

  async resetKey(key: string): Promise<void> {
    this.#refused.delete(key);
    await this.db.execute(sql`delete from rate_limit_hits where key = ${this.prefix + key}`);
  }
}

/** Housekeeping for the periodic sweep: forgets windows that ended a while ago. */
export async function deleteEndedWindows(db: Db): Promise<void> {
  await db.execute(sql`delete from rate_limit_hits where window_ends_at < now() - interval '1 minute'`);
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

export interface RateLimitHooks {
  /** Requests never limited: health checks, and the organizer's and door's own token-bearing devices. */
  exempt(req: Request): boolean;
  /** The admission pass a request carries, as a key (`pass:<entry>`), if it carries a genuine one. */
  passKey(req: Request): Promise<string | undefined>;
}

interface Limit {
  name: string;
  limit: number;
  windowSeconds: number;
  store: PostgresRateLimitStore;
}

const refusalMessage = (wait: number) => `Too many requests from this client; try again in ${wait} seconds.`;
const refusal = (wait: number) => new AppError(429, 'rate-limited', refusalMessage(wait));

/**
 * The rate limits, as middleware: writes per client address and per admission pass, reads per
 * client address, more generously. The address is Express's `req.ip`, which follows TRUST_PROXY_HOPS
 * proxies' X-Forwarded-For. A refusal is 429 `rate-limited` with Retry-After and the RateLimit and
 * RateLimit-Policy headers (IETF draft 8), like every other problem answer.
 *
 * `early` goes before everything else: a client this instance already knows to be over its limit
 * is refused there at once, without an access line (the first refusal of each window has one) but
 * counted through `onEarlyRefusal`, so that a client hammering the API costs the others little.
 */
export function rateLimits(
  db: Db,
  settings: RateLimitSettings,
  hooks: RateLimitHooks,
  logger: Logger,
  onEarlyRefusal: (limit: string) => void = () => {},
): { early: RequestHandler; limiters: RequestHandler[] } {
  const common = {
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    // Without its database the request fails on its own; the limit should not add a second error.
    passOnStoreError: true,
    logger: {
      error: (error: unknown, message?: string) => logger.error({ err: error }, message ?? 'rate limit failed'),
      warn: (error: unknown, message?: string) => logger.warn({ err: error }, message ?? 'rate limit warning'),
    },
    handler: (_req, res, next) => next(refusal(Number(res.getHeader('Retry-After') ?? 60))),
  } satisfies Partial<Options>;
  const perAddress = (name: string, limit: number, windowSeconds: number): Limit | undefined =>
    limit > 0 ? { name, limit, windowSeconds, store: new PostgresRateLimitStore(db, `${name}:`) } : undefined;
  const writes = perAddress('writes', settings.writesPerMinute, 60);
  const writeBurst = perAddress('writes-10s', settings.writeBurst ?? 0, 10);
  const reads = perAddress('reads', settings.readsPerMinute, 60);
  const limiterOf = (limit: Limit, skip: (req: Request) => boolean, keyGenerator?: Options['keyGenerator']) =>
    rateLimit({
      ...common,
      windowMs: limit.windowSeconds * 1000,
      identifier: limit.name,
      limit: limit.limit,
      store: limit.store,
      skip,
      ...(keyGenerator && { keyGenerator }),
    });
  const isRead = (req: Request) => READS.has(req.method);
  const limiters: RequestHandler[] = [];
  if (writeBurst) limiters.push(limiterOf(writeBurst, (req) => isRead(req) || hooks.exempt(req)));
  if (writes) {
    const perPass = { ...writes, name: 'writes-per-pass', store: new PostgresRateLimitStore(db, 'pass-writes:') };
    limiters.push(
      limiterOf(writes, (req) => isRead(req) || hooks.exempt(req)),
      limiterOf(
        perPass,
        (req) => isRead(req) || hooks.exempt(req) || !req.get('admission-pass'),
        async (req) => (await hooks.passKey(req)) ?? `bad-pass:${ipKeyGenerator(req.ip ?? '')}`,
      ),
    );
  }
  if (reads) limiters.push(limiterOf(reads, (req) => !isRead(req) || hooks.exempt(req)));

  /** The limit of this kind that refuses the client longest, by what this instance already knows. */
  const refusing = (req: Request): { limit: Limit; until: Date } | undefined => {
    const key = ipKeyGenerator(req.ip ?? '');
    let found: { limit: Limit; until: Date } | undefined;
    for (const limit of isRead(req) ? [reads] : [writes, writeBurst]) {
      const until = limit?.store.refusedUntil(key);
      if (limit && until && (!found || until > found.until)) found = { limit, until };
    }
    return found;
  };

  const early: RequestHandler = (req, res, next) => {
    const refused = refusing(req);
    if (!refused || hooks.exempt(req)) {
      next();
      return;
    }
    const { limit: applies, until } = refused;
    const wait = Math.max(1, Math.ceil((until.getTime() - Date.now()) / 1000));
    onEarlyRefusal(applies.name);
    // Written straight to the socket: the same problem answer, without building an error (and its
    // stack) or an ETag for each of a hammering client's requests.
    const problem = { status: 429, code: 'rate-limited', message: refusalMessage(wait), details: {} } as const;
    const body = JSON.stringify(problemBody(problem, req.originalUrl, ''));
    res.writeHead(429, {
      'Content-Type': 'application/problem+json; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      'Retry-After': String(wait),
      RateLimit: `"${applies.name}"; r=0; t=${wait}`,
      'RateLimit-Policy': `"${applies.name}"; q=${applies.limit}; w=${applies.windowSeconds}`,
    });
    res.end(body);
  };
  return { early, limiters };
}
