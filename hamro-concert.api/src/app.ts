import { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import compression from 'compression';
import cors from 'cors';
import express, { type Request, type RequestHandler } from 'express';
import type pg from 'pg';
import type { Logger } from 'pino';
import swaggerUi from 'swagger-ui-express';
import { accessRoutes } from './components/access/access.routes.js';
import { bookingsRoutes } from './components/bookings/bookings.routes.js';
import { concertsRoutes } from './components/concerts/concerts.routes.js';
import { CONCERT_DEFAULTS } from './components/concerts/concerts.service.js';
import { holdsRoutes } from './components/holds/holds.routes.js';
import { salesRoutes } from './components/sales/sales.routes.js';
import type { SeatEventSettings } from './components/seats/seats.events.js';
import type { SeatInventories } from './components/seats/seats.feed.js';
import { SeatClaimsInFlight } from './components/seats/seats.in-flight.js';
import { seatsRoutes } from './components/seats/seats.routes.js';
import { RecentWriters } from './components/seats/seats.writers.js';
import { ticketsRoutes } from './components/tickets/tickets.routes.js';
import { tiersRoutes } from './components/tiers/tiers.routes.js';
import { waitingRoomRoutes } from './components/waiting-room/waiting-room.routes.js';
import { ADMISSION_PASS_HEADER, concertListPath, SEAT_MAP_VERSION_HEADER } from 'hamro-concert.contracts';
import { WaitingRooms, type WaitingRoomSettings } from './components/waiting-room/waiting-room.service.js';
import type { Db } from './db/client.js';
import { sharedSigningKey } from './db/signing-key.js';
import { accessLog } from './http/access-log.js';
import { bearsAccessToken, requireBearer, type AccessTokens } from './http/auth.js';
import { errorHandler, notFoundHandler } from './http/errors.js';
import { healthRoutes, Readiness } from './http/health.js';
import { shedWhenBusy } from './http/load.js';
import { Metrics } from './http/metrics.js';
import { ProofOfWork, type ProofOfWorkSettings } from './http/proof-of-work.js';
import { RateLimits, type RateLimitSettings } from './http/rate-limits.js';
import { BrowserSessions } from './http/sessions.js';
import { buildOpenApiDocument } from './http/openapi.js';
import { securityHeaders } from './http/security-headers.js';
import { webApp } from './http/web-app.js';
import { webAppPolicy } from './http/security-headers.js';
import { Payments } from './components/payments/payments.service.js';
import { paymentsRoutes } from './components/payments/payments.routes.js';
import { defaultPaymentSettings, type PaymentSettings } from './components/payments/payments.settings.js';
import { Signer } from './lib/signer.js';
import type { ReadReplica } from './db/read-replica.js';
import { getBookingDetails } from './components/bookings/bookings.service.js';
import { emailsRoutes } from './components/emails/emails.routes.js';
import { EmailSender } from './components/emails/emails.sender.js';
import type { EmailSettings } from './components/emails/emails.settings.js';
import { createMailer } from './components/emails/emails.transport.js';

export interface AppDeps {
  db: Db;
  /** The seat inventories and their feed (see SeatInventories); the caller starts and stops them. */
  inventories: SeatInventories;
  /** The pool behind `db`: requests are refused with 503 while too many already wait for it. */
  pool?: pg.Pool;
  /** DB_MAX_WAITING: requests that may wait for a pooled connection before new ones are shed. */
  maxWaiting?: number;
  /** The live seat stream's limits. */
  seatEvents?: Partial<SeatEventSettings>;
  logger: Logger;
  corsOrigin?: string | undefined;
  /** How long a seat hold lasts (HOLD_TTL_SECONDS). */
  holdTtlSeconds?: number;
  /** Active seats one buyer may own per concert (MAX_TICKETS_PER_BUYER). */
  maxTicketsPerBuyer?: number;
  /** The time zone of a concert created without one (VENUE_TIME_ZONE). */
  venueTimeZone?: string;
  /** The currency of a concert created without one (CURRENCY). */
  currency?: string;
  /** Cancelling closes this many hours before the start (CANCEL_CLOSES_HOURS_BEFORE). */
  cancelClosesHours?: number;
  /** ADMIN_TOKEN and STAFF_TOKEN; without them the protected routes answer 403. */
  tokens?: AccessTokens;
  /** The built web app; served from the same origin, with index.html for the app's own routes. */
  webAppDir?: string | undefined;
  /** Whether the process is starting, serving or stopping; `/health/ready` answers from it. */
  readiness?: Readiness;
  /** METRICS_TOKEN: `/metrics` is served on this app only to a bearer of it. */
  metricsToken?: string | undefined;
  /** RATE_LIMIT_*: requests per minute and client; without them, no limits (tests and benchmarks). */
  rateLimits?: RateLimitSettings | undefined;
  /** TRUST_PROXY_HOPS: proxies in front whose X-Forwarded-For names the client. */
  trustProxyHops?: number;
  /** The waiting rooms' admission ticks (WAITING_ROOM_TICK_MS). */
  waitingRoom?: Partial<WaitingRoomSettings>;
  /** PROOF_OF_WORK_*: what a new browser session's first hold or join costs; without, nothing (tests). */
  proofOfWork?: ProofOfWorkSettings;
  /** Ways to pay online, keys and hosts; without, test mode with eSewa's test merchant. */
  payments?: PaymentSettings;
  /** Where reads that may lag go (DATABASE_READ_URL); without, everything reads from `db`. The caller starts it. */
  readReplica?: ReadReplica;
  /** SMTP or a folder for the emails to buyers; without, the emails owed wait in the outbox (tests). */
  emails?: EmailSettings | undefined;
}

/** The home page (`/`, `/?page=N`) asks for its page of concerts first: the server says so as it serves the page. */
function pageDataPreloads(req: Request): string[] {
  if (req.path !== '/') return [];
  const page = req.query.page === undefined ? 1 : Number(req.query.page);
  return Number.isInteger(page) && page >= 1 && page <= 100_000 ? [concertListPath(page)] : [];
}

/** While the process shuts down, every answer closes its connection, so keep-alive clients go elsewhere. */
function closeConnectionsWhenStopping(readiness: Readiness): RequestHandler {
  return (_req, res, next) => {
    if (readiness.phase === 'stopping') res.set('Connection', 'close');
    next();
  };
}

/** Builds the whole HTTP application from its dependencies; it does not listen. */
export function createApp({
  db,
  inventories,
  pool,
  maxWaiting = 512,
  seatEvents = {},
  logger,
  corsOrigin,
  webAppDir,
  holdTtlSeconds = 600,
  maxTicketsPerBuyer = 10,
  venueTimeZone = CONCERT_DEFAULTS.timeZone,
  currency = CONCERT_DEFAULTS.currency,
  cancelClosesHours = 0,
  tokens = {},
  readiness = new Readiness(),
  metricsToken,
  rateLimits: limits,
  trustProxyHops = 0,
  waitingRoom = {},
  proofOfWork = { attempts: 0, cost: 1 },
  payments: paymentsConfig = defaultPaymentSettings(),
  readReplica,
  emails: emailSettings,
}: AppDeps) {
  const app = express();
  app.disable('x-powered-by');
  if (trustProxyHops > 0) app.set('trust proxy', trustProxyHops);
  const signer = new Signer(() => sharedSigningKey(db));
  const rooms = new WaitingRooms(db, signer, { tickMs: 1000, burstSeconds: 5, ...waitingRoom }, (error) =>
    logger.warn({ err: error }, 'a waiting room admission tick failed; the next one tries again'),
  ).start();
  const metrics = new Metrics({
    pool,
    subscribers: () => seats.subscribers(),
    feedConnected: () => inventories.connected,
  });
  if (corsOrigin) {
    // A web app on another origin reads these answers' headers too: how long to wait, and the request id.
    // First of all, so that even the quickest refusal below can be read there.
    const exposedHeaders = [
      'Retry-After',
      'RateLimit',
      'RateLimit-Policy',
      'X-Request-Id',
      'Idempotent-Replayed',
      SEAT_MAP_VERSION_HEADER,
    ];
    // With credentials: a web app there sends the browser session's cookie, which holds and waiting rooms count by.
    app.use(cors({ origin: corsOrigin.split(',').map((origin) => origin.trim()), exposedHeaders, credentials: true }));
  }
  // The session a request carries is counted by the limits, and starting one counts toward its address's.
  const limiting: RateLimits | undefined =
    limits &&
    new RateLimits(
      db,
      limits,
      {
        exempt: (req) => req.path.startsWith('/health') || bearsAccessToken(tokens, req.get('authorization')),
        identify: async (req) => {
          const [session, admission] = await Promise.all([
            sessions.current(req),
            rooms.admissionOf(req.get(ADMISSION_PASS_HEADER)),
          ]);
          return { session: session?.id, pass: admission && String(admission.entryId) };
        },
        claimedSession: (req) => sessions.claimed(req),
      },
      logger,
      (limit) => metrics.refusedEarly(limit),
    );
  const sessions: BrowserSessions = new BrowserSessions(
    signer,
    new ProofOfWork(signer, proofOfWork),
    limiting ? (req, res) => limiting.startSession(req, res) : undefined,
  );
  const gate = { rooms, sessions };
  if (limiting) app.use(limiting.early);
  app.use(accessLog(logger));
  app.use(securityHeaders());
  app.use(metrics.middleware());
  app.use(closeConnectionsWhenStopping(readiness));
  // Reads can be large (a seat map); the answers to writes are small, and starting a compressor for
  // each booking would cost more CPU than it saves on the wire.
  const compress = compression({ threshold: 1024 });
  app.use((req, res, next) => (req.method === 'GET' || req.method === 'HEAD' ? compress(req, res, next) : next()));
  if (limiting) app.use(limiting.limit);
  app.use(express.json({ limit: '100kb' }));
  if (pool) app.use(shedWhenBusy(pool, maxWaiting));

  const registries = {
    health: new OpenAPIRegistry(),
    concerts: new OpenAPIRegistry(),
    tiers: new OpenAPIRegistry(),
    seats: new OpenAPIRegistry(),
    bookings: new OpenAPIRegistry(),
    holds: new OpenAPIRegistry(),
    tickets: new OpenAPIRegistry(),
    sales: new OpenAPIRegistry(),
    access: new OpenAPIRegistry(),
    waitingRoom: new OpenAPIRegistry(),
    payments: new OpenAPIRegistry(),
    emails: new OpenAPIRegistry(),
  };
  // Every instance asks the providers about payments still awaiting an answer, and ends payment windows.
  const payments = new Payments(db, paymentsConfig, inventories, logger, metrics.paymentEvents);
  payments.reconciler.start();
  app.use(healthRoutes(db, readiness, inventories, registries.health, readReplica));
  app.use(
    concertsRoutes(db, tokens, registries.concerts, { timeZone: venueTimeZone, currency }, payments.serverMethods),
  );
  app.use(tiersRoutes(db, tokens, registries.tiers));
  // Shared by bookings, holds and the seat maps: a crowd asking for one seat waits for the claim already in
  // flight, every seat taken or given back reaches this instance's inventory at once, and its taker's next
  // map read shows it.
  const desk = { inFlight: new SeatClaimsInFlight(), inventories, writers: new RecentWriters() };
  const seats = seatsRoutes(
    inventories,
    desk.writers,
    { maxSubscribers: 10_000, batchMs: 250, heartbeatMs: 15_000, ...seatEvents },
    registries.seats,
  );
  app.use(seats.router);
  const bookingRules = { maxTicketsPerBuyer, cancelClosesHours, payments };
  app.use(bookingsRoutes(db, bookingRules, desk, gate, registries.bookings, readReplica));
  app.use(paymentsRoutes(payments, tokens, registries.payments));
  app.use(emailsRoutes(db, tokens, registries.emails));
  // Every instance sends the emails owed to buyers (the outbox the bookings' triggers write).
  const emailSender =
    emailSettings &&
    new EmailSender(
      db,
      createMailer(emailSettings),
      (reference, email) => getBookingDetails(db, bookingRules, reference, email),
      { publicBaseUrl: paymentsConfig.publicBaseUrl, messageHost: new URL(paymentsConfig.publicBaseUrl).hostname },
      emailSettings.intervalMs,
      emailSettings.maxPerSecond,
      logger,
      metrics.emailEvents,
      () => (pool?.waitingCount ?? 0) > 0,
    ).start();
  app.use(holdsRoutes(db, { ttlSeconds: holdTtlSeconds, maxTicketsPerBuyer }, desk, gate, registries.holds));
  app.use(waitingRoomRoutes(rooms, sessions, tokens, registries.waitingRoom));
  app.use(ticketsRoutes(db, tokens, registries.tickets));
  app.use(salesRoutes(db, tokens, registries.sales, readReplica));
  app.use(accessRoutes(db, tokens, sessions, registries.access));

  const openApiDocument = buildOpenApiDocument(Object.values(registries));
  app.get('/openapi.json', (_req, res) => {
    res.json(openApiDocument);
  });
  app.use('/docs', swaggerUi.serve, swaggerUi.setup(openApiDocument, { customSiteTitle: 'Hamro Concert API' }));
  if (metricsToken) {
    app.get('/metrics', requireBearer(metricsToken, 'The metrics'), async (_req, res) => {
      res.type(metrics.contentType).send(await metrics.text());
    });
  }

  if (webAppDir) {
    const formHosts = paymentsConfig.esewa ? [new URL(paymentsConfig.esewa.formUrl).origin] : [];
    app.use(
      webApp(webAppDir, (req, res) => gate.sessions.welcome(req, res), webAppPolicy(formHosts), pageDataPreloads),
    );
  }
  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  /** Ends the live streams, so a draining server is not held open by them, and the admission ticks. */
  const closeStreams = () => {
    rooms.stop();
    seats.close();
    void payments.reconciler.stop();
    void emailSender?.stop();
  };
  return Object.assign(app, { closeStreams, metrics, readiness, rooms, payments });
}
