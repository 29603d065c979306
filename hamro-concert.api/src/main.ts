import { existsSync } from 'node:fs';
import type { Server } from 'node:http';
import path from 'node:path';
import { createApp } from './app.js';
import { ConfigError, loadConfig, type Config } from './config.js';
import { connectDatabase } from './db/client.js';
import { startEmbeddedDatabase, type EmbeddedDatabase } from './db/embedded.js';
import { prepareDatabase } from './db/setup.js';
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

async function main() {
  const config = readConfig();
  const logger = createLogger(config.logLevel);

  let embedded: EmbeddedDatabase | undefined;
  let databaseUrl: string;
  if (config.database.kind === 'embedded') {
    logger.info({ dataDir: config.database.dataDir }, 'starting the embedded PostgreSQL');
    embedded = await startEmbeddedDatabase({
      dataDir: config.database.dataDir,
      log: (line) => logger.debug({ postgres: line }),
    });
    databaseUrl = embedded.url;
    logger.info(`embedded PostgreSQL is running at ${embedded.url}`);
  } else {
    databaseUrl = config.database.url;
    logger.info(`using PostgreSQL at ${redact(databaseUrl)}`);
  }

  const database = connectDatabase(databaseUrl, { poolSize: config.poolSize, lockTimeoutMs: config.lockTimeoutMs });
  const seeded = await prepareDatabase(database, systemClock, { seed: true });
  if (seeded > 0) logger.info(`seeded ${seeded} demo concerts`);

  const webAppDir = existsSync(path.join(config.webAppDir, 'index.html')) ? config.webAppDir : undefined;
  if (!webAppDir) logger.warn(`no built web app in ${config.webAppDir}; serving the API only (run npm run build)`);
  const app = createApp({ db: database.db, clock: systemClock, logger, corsOrigin: config.corsOrigin, webAppDir });
  const server: Server = app.listen(config.port, config.host, () => {
    const address = server.address();
    const port = typeof address === 'object' && address ? address.port : config.port;
    logger.info(`Hamro Concert is listening on http://localhost:${port} (API docs at /docs)`);
  });
  server.keepAliveTimeout = 65_000;

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal} received, shutting down`);
    server.closeIdleConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await database.close();
    await embedded?.stop();
    logger.info('stopped cleanly');
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  if (error instanceof Error && !(error.name === 'EmbeddedDatabaseBusyError')) console.error(error.stack);
  process.exit(1);
});
