import type { RequestHandler } from 'express';
import type pg from 'pg';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { routeOf } from './access-log.js';

/** The writes whose outcomes an operator follows during an on-sale, by route. */
const OPERATIONS: Record<string, string> = {
  'POST /ticket-bookings/seats': 'booking',
  'POST /ticket-bookings/best-available': 'booking',
  'POST /holds': 'hold',
  'POST /holds/best-available': 'hold',
  'POST /check-in': 'check-in',
  'POST /bookings/:reference/cancel': 'cancellation',
  'POST /bookings/:reference/payments': 'payment-start',
  'POST /bookings/:reference/cash': 'cash',
};

export interface MetricsSources {
  pool?: pg.Pool | undefined;
  /** Live seat streams open on this process. */
  subscribers: () => number;
  /** Whether the seat feed is reading changes. */
  feedConnected: () => boolean;
}

/**
 * The process's Prometheus metrics, in a registry of its own (a test builds many apps in one process):
 * request durations by route and status, the outcomes of bookings, holds, check-ins and
 * cancellations by problem code, the pool's connections, lock timeouts, requests shed while busy,
 * live-stream subscribers, and Node's default metrics.
 */
export class Metrics {
  readonly registry = new Registry();
  private readonly durations = new Histogram({
    name: 'hamro_http_request_duration_seconds',
    help: 'Time from a request arriving to its answer being sent, by route pattern and status',
    labelNames: ['method', 'route', 'status'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });
  private readonly outcomes = new Counter({
    name: 'hamro_outcomes_total',
    help: 'Answers to bookings, holds, check-ins and cancellations, by operation and code (ok, or the problem code)',
    labelNames: ['operation', 'code'] as const,
    registers: [this.registry],
  });
  private readonly lockTimeouts = new Counter({
    name: 'hamro_lock_timeouts_total',
    help: 'Statements that gave up waiting for a row lock (DB_LOCK_TIMEOUT_MS) and were answered 503',
    registers: [this.registry],
  });
  private readonly shed = new Counter({
    name: 'hamro_requests_shed_total',
    help: 'Requests answered 503 at once because the instance was full: pool-queue (DB_MAX_WAITING) or live-streams',
    labelNames: ['reason'] as const,
    registers: [this.registry],
  });

  private readonly earlyRefusals = new Counter({
    name: 'hamro_rate_limited_early_total',
    help: 'Requests of clients already over a rate limit, refused (429) before the access log: by limit, writes or reads',
    labelNames: ['limit'] as const,
    registers: [this.registry],
  });

  private readonly payments = new Counter({
    name: 'hamro_payments_total',
    help:
      'What the providers said of payments, by way of paying and outcome: paid, paid-late, refund (owed back), ' +
      'mismatch (another amount), already (settled before), unpaid, waiting, unreachable',
    labelNames: ['method', 'outcome'] as const,
    registers: [this.registry],
  });
  private readonly refunds = new Counter({
    name: 'hamro_refunds_total',
    help: 'Refunds done, by way of paying and by whom: provider (its API) or hand (recorded by an organizer)',
    labelNames: ['method', 'by'] as const,
    registers: [this.registry],
  });
  private readonly rounds = new Histogram({
    name: 'hamro_reconciler_round_seconds',
    help: "How long this process's payment reconciler rounds take (asking, settling, ending windows, refunding)",
    buckets: [0.01, 0.05, 0.1, 0.5, 1, 5, 15, 60],
    registers: [this.registry],
  });

  private readonly emails = new Counter({
    name: 'hamro_emails_total',
    help: "Emails this process's sender handed to the mail server (sent) or could not (failed, tried again later), by kind",
    labelNames: ['kind', 'outcome'] as const,
    registers: [this.registry],
  });

  /** What the email sender reports (see EmailSender). */
  readonly emailEvents = {
    sent: (kind: string) => this.emails.inc({ kind, outcome: 'sent' }),
    failed: (kind: string) => this.emails.inc({ kind, outcome: 'failed' }),
  };

  /** What the payment reconciler and the returns report (see Payments). */
  readonly paymentEvents = {
    settled: (method: string, outcome: string) => this.payments.inc({ method, outcome }),
    refunded: (method: string, by: string) => this.refunds.inc({ method, by }),
    round: (seconds: number) => this.rounds.observe(seconds),
  };

  constructor(sources: MetricsSources) {
    const { pool } = sources;
    new Gauge({
      name: 'hamro_db_pool_connections',
      help: 'Connections of this process pool: total open, idle, and requests waiting for one',
      labelNames: ['state'] as const,
      registers: [this.registry],
      collect() {
        if (!pool) return;
        this.set({ state: 'total' }, pool.totalCount);
        this.set({ state: 'idle' }, pool.idleCount);
        this.set({ state: 'waiting' }, pool.waitingCount);
      },
    });
    new Gauge({
      name: 'hamro_live_stream_subscribers',
      help: 'Live seat streams (Server-Sent Events) open on this process',
      registers: [this.registry],
      collect() {
        this.set(sources.subscribers());
      },
    });
    new Gauge({
      name: 'hamro_seat_feed_connected',
      help: '1 while the seat feed reads changes from the database, 0 while it reconnects',
      registers: [this.registry],
      collect() {
        this.set(sources.feedConnected() ? 1 : 0);
      },
    });
    collectDefaultMetrics({ register: this.registry });
  }

  /** Records every answer once it is sent (or the client went away). */
  middleware(): RequestHandler {
    return (req, res, next) => {
      const started = process.hrtime.bigint();
      res.once('close', () => {
        const route = routeOf(req, res);
        const status = String(res.statusCode);
        this.durations.observe({ method: req.method, route, status }, Number(process.hrtime.bigint() - started) / 1e9);
        const code: string | undefined = res.locals.problemCode;
        const operation = OPERATIONS[`${req.method} ${route}`];
        if (operation) this.outcomes.inc({ operation, code: code ?? (res.statusCode < 400 ? 'ok' : status) });
        if (res.locals.sqlState === '55P03') this.lockTimeouts.inc();
        if (res.locals.shed) this.shed.inc({ reason: 'pool-queue' });
        else if (code === 'too-many-subscribers') this.shed.inc({ reason: 'live-streams' });
      });
      next();
    };
  }

  /** A request refused by the rate limits' early check (see rateLimits), which no other metric sees. */
  refusedEarly(limit: string): void {
    this.earlyRefusals.inc({ limit });
  }

  async text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}
