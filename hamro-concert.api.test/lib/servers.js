/** Starts real API processes (the built product, hamro-concert.api/dist/main.js) for tests and benchmarks. */
import { execFileSync, spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const apiDir = path.dirname(fileURLToPath(import.meta.resolve('hamro-concert.api/package.json')));
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// HAMRO_API_MAIN runs another build (say, the code before a change) to compare against in the same sitting.
// stadium.js and live.js then work over HTTP only; bench.js also writes its concert straight into the
// database with this tree's code, so for a build with another schema run that build's own bench.js.
export const apiMain = process.env.HAMRO_API_MAIN ?? path.join(apiDir, 'dist', 'main.js');

export function freePort() {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

/** A fresh folder for an embedded database; world-traversable because PostgreSQL runs as its own user under root. */
export function tempDataDir(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.chmodSync(dir, 0o755);
  return dir;
}

/** Ready to serve: `/health/ready` is 200 (a build from before readiness existed: `/health`). */
async function isReady(baseUrl) {
  const ready = await fetch(`${baseUrl}/health/ready`).catch(() => undefined);
  if (ready?.status === 404)
    return fetch(`${baseUrl}/health`).then(
      (r) => r.ok,
      () => false,
    );
  return ready?.ok === true;
}

/**
 * The scripts play many buyers from one address, each holding at once, without sessions: no rate
 * limits and no proof of work. A script about the limits or the proof of work sets its own.
 */
export const UNLIMITED = {
  RATE_LIMIT_WRITES_PER_MINUTE: '0',
  RATE_LIMIT_READS_PER_MINUTE: '0',
  RATE_LIMIT_WRITE_BURST: '0',
  RATE_LIMIT_ADDRESS_WRITES_PER_MINUTE: '0',
  RATE_LIMIT_ADDRESS_READS_PER_MINUTE: '0',
  RATE_LIMIT_NEW_SESSIONS_PER_MINUTE: '0',
  PROOF_OF_WORK_ATTEMPTS: '0',
};

/** HAProxy's limits at the edge off (deploy/cluster.mjs), for scripts that play many buyers from one address. */
export const EDGE_UNLIMITED = {
  EDGE_ADDRESS_REQUESTS_PER_10S: '0',
  EDGE_ADDRESS_WRITES_PER_10S: '0',
  EDGE_SESSION_REQUESTS_PER_10S: '0',
};

/**
 * Runs `npm run cluster -- <command>` (deploy/cluster.mjs) without limits, at the edge or in the API;
 * `env` goes to the command and its API instances, and may set limits again.
 */
export function cluster(command, env = {}) {
  return execFileSync(process.execPath, [path.join(repoRoot, 'deploy', 'cluster.mjs'), command], {
    encoding: 'utf8',
    env: { ...process.env, ...UNLIMITED, ...EDGE_UNLIMITED, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
}

const DATABASE_VARIABLES = ['DATABASE_URL', 'DB_HOST', 'DB_PORT', 'DB_USER', 'DB_PASSWORD', 'DB_NAME', 'DATA_DIR'];

/**
 * Spawns one API instance and waits until /health answers. `env` chooses the database:
 * `{ DATA_DIR }` for the embedded one, `{ DATABASE_URL }` for a shared one. `main` and `cwd` run
 * another copy of the product, say a clone, from its own folder.
 */
export async function startApi({
  env = {},
  name = 'api',
  timeoutMs = 90_000,
  nodeArgs = [],
  main = apiMain,
  cwd,
} = {}) {
  if (!fs.existsSync(main)) throw new Error(`${main} is missing: run npm run build first`);
  const port = await freePort();
  // The log goes to a file, not a pipe: a pipe that this busy process drains late would make the API
  // wait on its own log lines, and a benchmark would measure that.
  const logFile = path.join(
    fs.mkdtempSync(path.join(os.tmpdir(), 'hamro-api-log-')),
    `${name.replace(/\W+/g, '-')}.log`,
  );
  const log = fs.openSync(logFile, 'a');
  // Empty, not absent: an empty variable also overrides a developer's .env file.
  const baseEnv = { ...process.env };
  for (const variable of DATABASE_VARIABLES) baseEnv[variable] = '';
  const child = spawn(process.execPath, [...nodeArgs, main], {
    cwd,
    env: {
      ...baseEnv,
      NODE_ENV: 'production',
      LOG_LEVEL: 'info',
      ...UNLIMITED,
      ...env,
      PORT: String(port),
      HOST: '127.0.0.1',
    },
    stdio: ['ignore', log, log],
  });
  fs.closeSync(log);
  const readLog = () => fs.readFileSync(logFile, 'utf8');
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  let ready = false;
  while (!ready) {
    if (child.exitCode !== null)
      throw new Error(`${name} exited with ${child.exitCode} before it was ready:\n${readLog()}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${name} was not ready within ${timeoutMs} ms:\n${readLog()}`);
    }
    ready = await isReady(baseUrl);
    if (!ready) await new Promise((resolve) => setTimeout(resolve, 200));
  }

  return {
    name,
    port,
    baseUrl,
    child,
    exited,
    output: readLog,
    logFile,
    /** The connection URL of the instance's embedded database: logged without its password, which is in a file. */
    embeddedUrl() {
      const output = readLog();
      const match = /embedded PostgreSQL is running at (postgresql:\/\/\S+?) \(its password is in (\S+?)\)"/.exec(
        output,
      );
      if (!match) {
        // A build from before the password left the log (HAMRO_API_MAIN) logged the whole URL.
        const whole = /embedded PostgreSQL is running at (postgresql:\/\/\S+?)"/.exec(output);
        if (whole) return whole[1];
        throw new Error(`${name} logged no embedded database URL`);
      }
      const url = new URL(match[1]);
      url.password = fs.readFileSync(match[2], 'utf8').trim();
      return url.toString();
    },
    async stop() {
      if (child.exitCode !== null || child.signalCode !== null) return exited;
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      const result = await exited;
      clearTimeout(timer);
      return result;
    },
  };
}

/** Runs a node script to completion and returns its exit code and output. */
export function runScript(script, env, args = []) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [script, ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('exit', (code) => resolve({ code, output }));
  });
}
