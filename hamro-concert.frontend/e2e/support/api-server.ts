import { spawn } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const frontendDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const apiMain = path.resolve(frontendDir, '../hamro-concert.api/dist/main.js');
const webIndex = path.join(frontendDir, 'dist/index.html');
const STARTUP_TIMEOUT_MS = 90_000;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function isHealthy(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/health`, { signal: AbortSignal.timeout(2_000) });
    return response.ok;
  } catch {
    return false;
  }
}

export interface RunningApi {
  baseUrl: string;
  stop: () => Promise<void>;
}

/**
 * Starts the real product: the built API, which serves the built web app, on a free port with its
 * own embedded PostgreSQL in a fresh folder (migrated and seeded with the three demo concerts).
 * `env` adds settings, such as a short HOLD_TTL_SECONDS; PUBLIC_BASE_URL is its own address unless
 * `env` gives one. `stop` ends it and removes the folder.
 */
export async function startApi(env: Record<string, string> = {}): Promise<RunningApi> {
  for (const file of [apiMain, webIndex]) {
    if (!fs.existsSync(file))
      throw new Error(`${file} is missing: build first (npm run build at the repository root).`);
  }
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hamro-e2e-'));
  // The API runs PostgreSQL as the `postgres` user when started as root: it must be able to enter.
  fs.chmodSync(dataDir, 0o755);

  const output: string[] = [];
  const api = spawn(process.execPath, [apiMain], {
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      DATA_DIR: dataDir,
      LOG_LEVEL: 'warn',
      // One browser plays every visitor from one address; a scenario about the limits sets its own.
      RATE_LIMIT_WRITES_PER_MINUTE: '0',
      RATE_LIMIT_READS_PER_MINUTE: '0',
      RATE_LIMIT_WRITE_BURST: '0',
      RATE_LIMIT_ADDRESS_WRITES_PER_MINUTE: '0',
      RATE_LIMIT_ADDRESS_READS_PER_MINUTE: '0',
      RATE_LIMIT_NEW_SESSIONS_PER_MINUTE: '0',
      // Payment providers send the buyer back here, so it is this instance's own address unless `env` says otherwise.
      PUBLIC_BASE_URL: baseUrl,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const keep = (chunk: Buffer) => output.push(chunk.toString());
  api.stdout.on('data', keep);
  api.stderr.on('data', keep);
  let exited: number | null | undefined;
  api.on('exit', (code) => (exited = code));

  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (!(await isHealthy(baseUrl))) {
    if (exited !== undefined || Date.now() > deadline) {
      api.kill('SIGKILL');
      fs.rmSync(dataDir, { recursive: true, force: true });
      throw new Error(`The API did not become healthy (exit code ${String(exited)}):\n${output.join('').slice(-4000)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }

  return {
    baseUrl,
    stop: async () => {
      if (exited === undefined) {
        const stopped = new Promise((resolve) => api.once('exit', resolve));
        api.kill('SIGTERM');
        const timeout = setTimeout(() => api.kill('SIGKILL'), 20_000);
        await stopped;
        clearTimeout(timeout);
      }
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
