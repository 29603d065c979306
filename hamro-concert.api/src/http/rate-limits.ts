import type { Request, RequestHandler, Response } from 'express';
import { sql } from 'drizzle-orm';
import type { Logger } from 'pino';
import type { Db } from '../db/client.js';
import { preparedStatement } from '../db/prepared.js';
import { AppError, problemBody } from './errors.js';

/**
 * Requests per window and client; 0 (or absent) switches a limit off. A buyer is counted by the
 * identities a buyer keeps, a browser session and an admission pass; the client address is counted
 * too, with a far higher ceiling, because hundreds of phones can share one address behind a
 * carrier's NAT. A request without a session is counted by its address as a buyer would be.
 */
export interface RateLimitSettings {
  /** RATE_LIMIT_WRITES_PER_MINUTE: writes per browser session, per admission pass, and per address without a session. */
  writesPerMinute: number;
  /** RATE_LIMIT_WRITE_BURST: writes per session (or address without one) within 10 seconds. */
  writeBurst?: number;
  /** RATE_LIMIT_READS_PER_MINUTE: reads per session, or per address without one. */
  readsPerMinute: number;
  /** RATE_LIMIT_ADDRESS_WRITES_PER_MINUTE: every write from one address, with a session or not. */
  addressWritesPerMinute?: number;
  /** RATE_LIMIT_ADDRESS_READS_PER_MINUTE: every read from one address. */
  addressReadsPerMinute?: number;
  /** RATE_LIMIT_NEW_SESSIONS_PER_MINUTE: browser sessions one address may start. */
  newSessionsPerMinute?: number;
}

export const RATE_LIMIT_DEFAULTS: Required<RateLimitSettings> = {
  writesPerMinute: 60,
  writeBurst: 10,
  readsPerMinute: 1200,
  addressWritesPerMinute: 3000,
  addressReadsPerMinute: 60_000,
  newSessionsPerMinute: 600,
};

/** One limit: its name (as RateLimit-Policy shows it), how many, over how many seconds. */
interface Rule {
  name: string;
  limit: number;
  windowSeconds: number;
}

interface Hit {
  hits: number;
  endsAt: number;
}

/**
 * Counts hits in PostgreSQL, so every instance shares one count per key: a fixed window per key,
 * started by its first hit. All the keys asked for while a count is on its way go together in the
 * next statement: one round trip counts a request's every limit, and under load many requests'.
 * The table is unlogged and the statement does not wait for a disk flush: a crash that loses counts
 * costs nothing worth that wait.
 */
class HitCounter {
  private waiting: { key: string; windowSeconds: number; resolve: (hit: Hit) => void; reject: (e: unknown) => void }[] =
    [];
  private busy = false;

  constructor(private readonly db: Db) {}

  count(keys: readonly { key: string; windowSeconds: number }[]): Promise<Hit[]> {
    const hits = keys.map(
      ({ key, windowSeconds }) =>
        new Promise<Hit>((resolve, reject) => this.waiting.push({ key, windowSeconds, resolve, reject })),
    );
    if (!this.busy) this.flush();
    return Promise.all(hits);
  }

  private flush() {
    const batch = this.waiting;
    this.waiting = [];
    if (batch.length === 0) return;
    this.busy = true;
    // One row per key (a statement may not update a row twice), in key order, so two instances' batches
    // lock the rows they share in the same order.
    const byKey = new Map<string, { windowSeconds: number; n: number }>();
    for (const { key, windowSeconds } of batch) {
      const entry = byKey.get(key);
      if (entry) entry.n++;
      else byKey.set(key, { windowSeconds, n: 1 });
    }
    const keys = [...byKey.keys()].sort();
    countHits(this.db, {
      keys,
      hits: keys.map((key) => byKey.get(key)!.n),
      windows: keys.map((key) => byKey.get(key)!.windowSeconds),
    })
      .then(({ rows }) => {
        const totals = new Map(rows.map((row) => [row.key, row]));
        const seen = new Map<string, number>();
        for (const { key, resolve } of batch) {
          const row = totals.get(key)!;
          // The hits this request makes its key's count: the batch's share counted before it, and itself.
          const before = seen.get(key) ?? 0;
          seen.set(key, before + 1);
          resolve({
            hits: row.hits - byKey.get(key)!.n + before + 1,
            endsAt: new Date(row.window_ends_at).getTime(),
          });
        }
      })
      .catch((error: unknown) => {
        for (const { reject } of batch) reject(error);
      })
      .finally(() => {
        this.busy = false;
        this.flush();
      });
  }
}

const countHits = preparedStatement<{ key: string; hits: number; window_ends_at: Date }>(
  'count_rate_limit_hits',
  sql`
    insert into rate_limit_hits (key, hits, window_ends_at)
    select t.key, t.n, now() + make_interval(secs => t.w)
    from unnest(${sql.placeholder('keys')}::text[], ${sql.placeholder('hits')}::int[],
                ${sql.placeholder('windows')}::float8[]) as t(key, n, w),
         (select set_config('synchronous_commit', 'off', true)) as no_wait
    on conflict (key) do update set
      hits = case when rate_limit_hits.window_ends_at <= now() then excluded.hits
                  else rate_limit_hits.hits + excluded.hits end,
      window_ends_at = case when rate_limit_hits.window_ends_at <= now() then excluded.window_ends_at
                            else rate_limit_hits.window_ends_at end
    returning key, hits, window_ends_at`,
);

/** Housekeeping for the periodic sweep: forgets windows that ended a while ago. */
export async function deleteEndedWindows(db: Db): Promise<void> {
  await db.execute(sql`delete from rate_limit_hits where window_ends_at < now() - interval '1 minute'`);
}

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);
const isRead = (req: Request) => READS.has(req.method);

/** Who a request comes from, as the limits count it. */
export interface RequestIdentity {
  /** Its browser session, if it carries a genuine session cookie. */
  session?: string | undefined;
  /** Its admission pass's place in line, if it carries a genuine pass. */
  pass?: string | undefined;
}

export interface RateLimitHooks {
  /** Requests never limited: health checks, and the organizer's and door's own token-bearing devices. */
  exempt(req: Request): boolean;
  /** The request's genuine session and pass, checked by signature. */
  identify(req: Request): Promise<RequestIdentity>;
  /** The session a request claims, unchecked: enough to find it among those already refused. */
  claimedSession(req: Request): string | undefined;
}

const refusalMessage = (wait: number) => `Too many requests from this client; try again in ${wait} seconds.`;
const policy = (rule: Rule) => `"${rule.name}"; q=${rule.limit}; w=${rule.windowSeconds}`;

/**
 * The rate limits. Writes (POST, PUT, PATCH, DELETE) are counted per browser session, per minute and
 * within any 10 seconds, and per admission pass; a write without a session is counted so by its
 * address. Reads are counted per session (or address) more generously. Every request also counts
 * toward its address's ceiling, and starting a session toward the address's new sessions. A refusal
 * is 429 `rate-limited` with Retry-After, RateLimit and RateLimit-Policy (IETF draft 8); an answer
 * carries RateLimit and RateLimit-Policy for each limit that counted it. The address is Express's
 * `req.ip`, which follows TRUST_PROXY_HOPS proxies' X-Forwarded-For.
 *
 * A key the database has said is over its limit is refused by this instance by itself until its
 * window ends: `early` does that before anything else (without an access line, but counted through
 * `onEarlyRefusal`), so that a client hammering the API costs the others little.
 */
export class RateLimits {
  private readonly counter: HitCounter;
  private readonly refused = new Map<string, { rule: Rule; until: number }>();
  private readonly rules: Record<
    | 'writes'
    | 'writeBurst'
    | 'reads'
    | 'sessionWrites'
    | 'sessionBurst'
    | 'sessionReads'
    | 'passWrites'
    | 'addressWrites'
    | 'addressReads'
    | 'newSessions',
    Rule | undefined
  >;

  constructor(
    db: Db,
    settings: RateLimitSettings,
    private readonly hooks: RateLimitHooks,
    private readonly logger: Logger,
    private readonly onEarlyRefusal: (limit: string) => void = () => {},
  ) {
    this.counter = new HitCounter(db);
    const rule = (name: string, limit: number | undefined, windowSeconds: number) =>
      limit && limit > 0 ? { name, limit, windowSeconds } : undefined;
    this.rules = {
      writes: rule('writes', settings.writesPerMinute, 60),
      writeBurst: rule('writes-10s', settings.writeBurst, 10),
      reads: rule('reads', settings.readsPerMinute, 60),
      sessionWrites: rule('session-writes', settings.writesPerMinute, 60),
      sessionBurst: rule('session-writes-10s', settings.writeBurst, 10),
      sessionReads: rule('session-reads', settings.readsPerMinute, 60),
      passWrites: rule('writes-per-pass', settings.writesPerMinute, 60),
      addressWrites: rule('address-writes', settings.addressWritesPerMinute, 60),
      addressReads: rule('address-reads', settings.addressReadsPerMinute, 60),
      newSessions: rule('new-sessions', settings.newSessionsPerMinute, 60),
    };
  }

  /** The limits that count a request from this identity, with their keys. */
  private limitsOf(req: Request, address: string, identity: RequestIdentity): [Rule | undefined, string][] {
    const r = this.rules;
    const by = identity.session ? `s:${identity.session}` : `a:${address}`;
    if (isRead(req)) {
      return [
        [identity.session ? r.sessionReads : r.reads, by],
        [r.addressReads, `a:${address}`],
      ];
    }
    return [
      [identity.session ? r.sessionWrites : r.writes, by],
      [identity.session ? r.sessionBurst : r.writeBurst, by],
      [r.addressWrites, `a:${address}`],
      [identity.pass === undefined ? undefined : r.passWrites, `p:${identity.pass}`],
    ];
  }

  /** The longest-lasting refusal this instance already knows of for any of a request's limits. */
  private knownRefusal(keys: readonly string[]): { rule: Rule; until: number } | undefined {
    const now = Date.now();
    let found: { rule: Rule; until: number } | undefined;
    for (const key of keys) {
      const refusal = this.refused.get(key);
      if (!refusal) continue;
      if (refusal.until <= now) this.refused.delete(key);
      else if (!found || refusal.until > found.until) found = refusal;
    }
    return found;
  }

  private remember(key: string, rule: Rule, until: number) {
    if (this.refused.size > 10_000) {
      const now = Date.now();
      for (const [k, refusal] of this.refused) if (refusal.until <= now) this.refused.delete(k);
    }
    this.refused.set(key, { rule, until });
  }

  /** Counts `limits` once each; the refusal of the one that refuses longest, if any does. */
  private async check(limits: [Rule, string][]): Promise<{ refusal?: { rule: Rule; until: number }; hits: Hit[] }> {
    const hits = await this.counter.count(limits.map(([rule, key]) => ({ key: `${rule.name}:${key}`, ...rule })));
    let refusal: { rule: Rule; until: number } | undefined;
    limits.forEach(([rule, key], i) => {
      const hit = hits[i]!;
      if (hit.hits <= rule.limit) return;
      this.remember(`${rule.name}:${key}`, rule, hit.endsAt);
      if (!refusal || hit.endsAt > refusal.until) refusal = { rule, until: hit.endsAt };
    });
    return { refusal, hits };
  }

  private refusal({ rule, until }: { rule: Rule; until: number }, res: Response): AppError {
    const wait = Math.max(1, Math.ceil((until - Date.now()) / 1000));
    res.set({ RateLimit: `"${rule.name}"; r=0; t=${wait}`, 'RateLimit-Policy': policy(rule) });
    return new AppError(429, 'rate-limited', refusalMessage(wait), {}, { 'Retry-After': String(wait) });
  }

  /** Refuses, before anything else, a client this instance already knows to be over a limit. */
  readonly early: RequestHandler = (req, res, next) => {
    if (this.refused.size === 0 || this.hooks.exempt(req)) {
      next();
      return;
    }
    const address = req.ip ?? '';
    const session = this.hooks.claimedSession(req);
    const keys = this.limitsOf(req, address, { session }).flatMap(([rule, key]) =>
      rule ? [`${rule.name}:${key}`] : [],
    );
    const known = this.knownRefusal(keys);
    if (!known) {
      next();
      return;
    }
    const { rule, until } = known;
    const wait = Math.max(1, Math.ceil((until - Date.now()) / 1000));
    this.onEarlyRefusal(rule.name);
    // Written straight to the socket: the same problem answer, without building an error (and its
    // stack) or an ETag for each of a hammering client's requests.
    const problem = { status: 429, code: 'rate-limited', message: refusalMessage(wait), details: {} } as const;
    const body = JSON.stringify(problemBody(problem, req.originalUrl, ''));
    res.writeHead(429, {
      'Content-Type': 'application/problem+json; charset=utf-8',
      'Content-Length': Buffer.byteLength(body),
      'Retry-After': String(wait),
      RateLimit: `"${rule.name}"; r=0; t=${wait}`,
      'RateLimit-Policy': policy(rule),
    });
    res.end(body);
  };

  /** Counts the request toward each of its limits: 429 past any of them. */
  readonly limit: RequestHandler = async (req, res, next) => {
    if (this.hooks.exempt(req)) {
      next();
      return;
    }
    const address = req.ip ?? '';
    const limits = this.limitsOf(req, address, await this.hooks.identify(req)).filter(
      (limit): limit is [Rule, string] => limit[0] !== undefined,
    );
    if (limits.length === 0) {
      next();
      return;
    }
    let checked;
    try {
      checked = await this.check(limits);
    } catch (error) {
      // Without its database the request fails on its own; the limit should not add a second error.
      this.logger.warn({ err: error }, 'a rate limit could not be counted; the request goes on');
      next();
      return;
    }
    if (checked.refusal) {
      next(this.refusal(checked.refusal, res));
      return;
    }
    const now = Date.now();
    limits.forEach(([rule], i) => {
      const hit = checked.hits[i]!;
      const reset = Math.max(0, Math.ceil((hit.endsAt - now) / 1000));
      res.append('RateLimit-Policy', policy(rule));
      res.append('RateLimit', `"${rule.name}"; r=${Math.max(0, rule.limit - hit.hits)}; t=${reset}`);
    });
    next();
  };

  /**
   * Counts a session started for a request's address: throws 429 past the address's new sessions.
   * A client that drops its cookies starts one with every request, so this bounds how fast it can.
   */
  async startSession(req: Request, res: Response): Promise<void> {
    const rule = this.rules.newSessions;
    if (!rule) return;
    const key = `a:${req.ip ?? ''}`;
    const known = this.knownRefusal([`${rule.name}:${key}`]);
    if (known) throw this.refusal(known, res);
    let checked;
    try {
      checked = await this.check([[rule, key]]);
    } catch (error) {
      this.logger.warn({ err: error }, 'a new session could not be counted; it is started anyway');
      return;
    }
    if (checked.refusal) throw this.refusal(checked.refusal, res);
  }
}
