import cluster from 'node:cluster';
import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import type { Logger } from 'pino';
import { AggregatorRegistry } from 'prom-client';
import { createApp } from './app.js';
import { tidyExpiredHolds } from './components/holds/holds.service.js';
import { deleteEndedWindows } from './http/rate-limits.js';
import { SeatInventories } from './components/seats/seats.feed.js';
import { deleteExpiredKeys } from './http/idempotency.repository.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { assertConnectionsFit } from './db/capacity.js';
import { connectDatabase } from './db/client.js';
import { ReadReplica } from './db/read-replica.js';
import { startEmbeddedDatabase } from './db/embedded.js';
import { prepareDatabase } from './start-up/prepare-database.js';
import { answerClientErrors } from './http/client-errors.js';
import { drainServer } from './http/drain.js';
import { Readiness } from './http/health.js';
import { serveMetrics } from './http/metrics-server.js';
import { systemClock } from './lib/clock.js';
import { createLogger } from './lib/logger.js';

function readConfig(): Config {
  try {
    return loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message);
      process.exit(1);
    }
    throw error;
  }
}

function redact(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '***';
  return parsed.toString();
}

/**
 * The embedded server's own lines: its failures (FATAL, PANIC) at error and its warnings at warn, the
 * rest at debug. Statement errors are already answered to the client (409, 503) and stay at debug.
 * Lines that quote a statement or a row (STATEMENT, DETAIL) may hold a buyer's data and are dropped.
 */
function postgresLog(logger: Logger) {
  return (line: string) => {
    if (/\b(STATEMENT|DETAIL):/.test(line)) return;
    const postgres = line.replace(/: "[^"]*"/g, ': "[redacted]"');
    if (/\b(FATAL|PANIC):/.test(line)) logger.error({ postgres }, 'the embedded PostgreSQL reports a failure');
    else if (/\bWARNING:/.test(line)) logger.warn({ postgres }, 'the embedded PostgreSQL warns');
    else logger.debug({ postgres });
  };
}

function onShutdownSignal(handler: (signal: string) => Promise<void>) {
  let stopping = false;
  const once = (signal: string) => {
    if (stopping) return;
    stopping = true;
    handler(signal).catch(() => process.exit(1));
  };
  process.on('SIGINT', () => once('SIGINT'));
  process.on('SIGTERM', () => once('SIGTERM'));
  return once;
}

/** Serves HTTP on the configured port; returns a function that drains and closes it. */
async function serve(config: Config, logger: Logger, databaseUrl: string) {
  const database = connectDatabase(databaseUrl, {
    poolSize: config.poolSize,
    lockTimeoutMs: config.lockTimeoutMs,
    connectTimeoutMs: config.connectTimeoutMs,
    onIdleError: (error) => logger.warn({ err: error }, 'an idle database connection failed; the pool replaces it'),
  });
  // Reads that may lag a moment (organizer reports, the booking lookup) from the replica port, if given.
  const replicaDatabase = config.readDatabaseUrl
    ? connectDatabase(config.readDatabaseUrl, {
        poolSize: Math.max(2, Math.ceil(config.poolSize / 2)),
        connectTimeoutMs: config.connectTimeoutMs,
        applicationName: 'hamro-concert-reads',
        onIdleError: (error) => logger.warn({ err: error }, 'an idle replica connection failed; the pool replaces it'),
      })
    : undefined;
  const readReplica = new ReadReplica(database.db, replicaDatabase?.db, config.readMaxLagMs, logger).start();
  const webAppDir = existsSync(path.join(config.webAppDir, 'index.html')) ? config.webAppDir : undefined;
  const inventories = new SeatInventories({
    db: database.db,
    connect: () => database.dedicatedClient('seat-feed'),
    logger,
    pollMs: config.seatFeedPollMs,
  }).start();
  const readiness = new Readiness();
  const app = createApp({
    db: database.db,
    inventories,
    pool: database.pool,
    maxWaiting: config.maxWaiting,
    seatEvents: config.seatEvents,
    logger,
    corsOrigin: config.corsOrigin,
    webAppDir,
    holdTtlSeconds: config.holdTtlSeconds,
    maxTicketsPerBuyer: config.maxTicketsPerBuyer,
    venueTimeZone: config.venueTimeZone,
    currency: config.currency,
    cancelClosesHours: config.cancelClosesHours,
    tokens: config.tokens,
    readiness,
    metricsToken: config.metricsToken,
    rateLimits: config.rateLimits,
    proofOfWork: config.proofOfWork,
    trustProxyHops: config.trustProxyHops,
    waitingRoom: { tickMs: config.waitingRoomTickMs },
    payments: config.payments,
    readReplica,
    emails: config.emails,
  });
  const mail = config.emails.transport;
  logger.info(
    mail.kind === 'smtp'
      ? `emails to buyers go through SMTP at ${new URL(mail.url).host}`
      : `emails to buyers are written to ${mail.dir} as .eml files (set SMTP_URL to send them)`,
  );
  // Expired holds already count for nothing and expired keys are ignored; this only tidies rows now and then.
  const tidy = setInterval(() => {
    const chores = [tidyExpiredHolds(database.db), deleteExpiredKeys(database.db), deleteEndedWindows(database.db)];
    Promise.all(chores).catch((error: unknown) =>
      logger.warn({ err: error }, 'tidying expired holds, idempotency keys and rate limit counts failed'),
    );
  }, 60_000);
  tidy.unref();
  const server: Server = app.listen(config.port, config.host);
  answerClientErrors(server);
  await new Promise<void>((resolve, reject) => {
    server.once('listening', resolve);
    server.once('error', reject);
  });
  server.keepAliveTimeout = 65_000;
  readiness.phase = 'serving';
  return {
    webAppDir,
    metrics: app.metrics,
    /** Readiness turns 503 at once; then HTTP drains, live streams end, the feed and the pool close. */
    async close() {
      readiness.phase = 'stopping';
      if (config.shutdownDelayMs > 0) await new Promise((resolve) => setTimeout(resolve, config.shutdownDelayMs));
      clearInterval(tidy);
      app.closeStreams();
      if (!(await drainServer(server, config.shutdownTimeoutMs)))
        logger.warn('requests were still in flight after SHUTDOWN_TIMEOUT_SECONDS; their connections were cut');
      await inventories.stop();
      readReplica.stop();
      await Promise.all([database.close(), replicaDatabase?.close()]);
    },
  };
}

/** Serves `/metrics` on METRICS_PORT when it is set; the primary of several workers adds theirs up. */
async function serveMetricsPort(config: Config, read: () => Promise<{ contentType: string; text: string }>) {
  if (config.metricsPort === undefined) return async () => {};
  const server = await serveMetrics(config.metricsPort, config.metricsHost, read);
  return () => new Promise<void>((resolve) => server.close(() => resolve()));
}

/** A worker process: serves HTTP on the shared port against the database its primary prepared. */
async function runWorker() {
  const config = readConfig();
  const logger = createLogger(config.logLevel).child({ worker: cluster.worker?.id });
  if (config.database.kind !== 'external') throw new Error('a worker needs DATABASE_URL from its primary');
  const http = await serve(config, logger, config.database.url);
  // The primary gathers every worker's figures for METRICS_PORT through the cluster's messages;
  // constructing an aggregator is what makes a worker answer them.
  new AggregatorRegistry();
  AggregatorRegistry.setRegistries([http.metrics.registry]);
  const stop = onShutdownSignal(async () => {
    await http.close();
    process.exit(0);
  });
  process.on('disconnect', () => stop('disconnect'));
}

/**
 * The primary process: starts the embedded database when none is configured, migrates and seeds
 * once, then serves HTTP itself or through API_WORKERS worker processes. On SIGINT/SIGTERM it
 * drains HTTP first, then stops the database.
 */
async function runPrimary() {
  const config = readConfig();
  const logger = createLogger(config.logLevel);

  let stopDatabase = async () => {};
  let databaseUrl: string;
  if (config.database.kind === 'embedded') {
    logger.info({ dataDir: config.database.dataDir }, 'starting the embedded PostgreSQL');
    const embedded = await startEmbeddedDatabase({
      dataDir: config.database.dataDir,
      log: postgresLog(logger),
    });
    stopDatabase = () => embedded.stop();
    databaseUrl = embedded.url;
    logger.info(
      { cluster: embedded.dataDir },
      `embedded PostgreSQL is running at ${redact(embedded.url)} (its password is in ${config.database.dataDir}.password)`,
    );
    if (embedded.dataDir !== config.database.dataDir)
      logger.info(
        `the embedded cluster lives in ${embedded.dataDir}, where the postgres user can reach it ` +
          `(recorded in ${config.database.dataDir}.location)`,
      );
  } else {
    databaseUrl = config.database.url;
    logger.info(`using PostgreSQL at ${redact(databaseUrl)}`);
  }

  try {
    const setup = connectDatabase(databaseUrl, { poolSize: 1 });
    const seeded = await assertConnectionsFit(setup, { workers: config.workers, poolSize: config.poolSize })
      .then(() => prepareDatabase(setup, systemClock, { seed: true }))
      .finally(() => setup.close());
    if (seeded > 0) logger.info(`seeded ${seeded} demo concerts`);
  } catch (error) {
    await stopDatabase();
    throw error;
  }

  let closeHttp: () => Promise<void>;
  let closeMetrics: () => Promise<void>;
  if (config.workers === 1) {
    const http = await serve(config, logger, databaseUrl);
    if (!http.webAppDir)
      logger.warn(`no built web app in ${config.webAppDir}; serving the API only (run npm run build)`);
    closeHttp = http.close;
    closeMetrics = await serveMetricsPort(config, async () => ({
      contentType: http.metrics.contentType,
      text: await http.metrics.text(),
    }));
  } else {
    let stopping = false;
    const listening = new Set<number>();
    const fork = () => cluster.fork({ DATABASE_URL: databaseUrl });
    cluster.on('listening', (worker) => listening.add(worker.id));
    cluster.on('exit', (worker, code, signal) => {
      if (stopping) return;
      if (!listening.has(worker.id)) {
        logger.error({ worker: worker.id, code }, 'a worker failed to start; stopping');
        process.kill(process.pid, 'SIGTERM');
        return;
      }
      logger.error({ worker: worker.id, code, signal }, 'a worker stopped; starting another');
      fork();
    });
    const workers = Array.from({ length: config.workers }, fork);
    await Promise.all(workers.map((worker) => new Promise((resolve) => worker.once('listening', resolve))));
    const aggregator = new AggregatorRegistry();
    closeMetrics = await serveMetricsPort(config, async () => ({
      contentType: aggregator.contentType,
      text: await aggregator.clusterMetrics(),
    }));
    closeHttp = async () => {
      stopping = true;
      await Promise.all(
        Object.values(cluster.workers ?? {}).map(
          (worker) =>
            new Promise<void>((resolve) => {
              if (!worker || worker.isDead()) return resolve();
              // Each worker drains within SHUTDOWN_TIMEOUT_SECONDS; one that hangs beyond it is killed.
              const kill = setTimeout(
                () => worker.process.kill('SIGKILL'),
                config.shutdownDelayMs + config.shutdownTimeoutMs + 2_000,
              );
              worker.once('exit', () => {
                clearTimeout(kill);
                resolve();
              });
              worker.process.kill('SIGTERM');
            }),
        ),
      );
    };
  }
  logger.info(
    `Hamro Concert is listening on http://localhost:${config.port} (API docs at /docs)` +
      (config.workers > 1 ? ` with ${config.workers} workers` : ''),
  );

  const shutdown = onShutdownSignal(async (signal) => {
    logger.info(`${signal} received, shutting down`);
    // However the draining goes, the process ends: the database is given a few seconds of its own.
    setTimeout(
      () => {
        logger.error('shutdown took too long; exiting');
        process.exit(1);
      },
      config.shutdownDelayMs + config.shutdownTimeoutMs + 5_000,
    ).unref();
    await closeMetrics();
    await closeHttp();
    await stopDatabase();
    logger.info('stopped cleanly');
    process.exit(process.exitCode ?? 0);
  });
  // A crash must not leave the embedded PostgreSQL running without its owner.
  process.on('uncaughtException', (error) => {
    logger.fatal({ err: error }, 'unexpected failure; shutting down');
    process.exitCode = 1;
    shutdown('uncaughtException');
  });
}

(cluster.isPrimary ? runPrimary() : runWorker()).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  // Refusals that already say what to do are printed as they are; anything else with its stack.
  const explained = ['EmbeddedDatabaseError', 'EmbeddedDatabaseBusyError', 'ConnectionLimitError'];
  if (error instanceof Error && !explained.includes(error.name)) console.error(error.stack);
  process.exit(1);
});
