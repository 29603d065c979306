#!/usr/bin/env node
// npm run cluster -- up | down | status | reload | edge | switchover | failover | purge
//
// The whole topology on this one machine, over 127.0.0.1: one etcd member, three PostgreSQL 15 nodes
// managed by Patroni (synchronous replication, pg_rewind), HAProxy in front of the database (a primary
// port and a replica port) and of the API, and N API instances (CLUSTER_APIS, default 3). Debian's
// packages: patroni, etcd-server, haproxy, postgresql-15 (apt-get install -y patroni etcd-server
// haproxy postgresql-15). PostgreSQL refuses to run as root, so Patroni runs as the `postgres` user.
// Everything lives in .cluster/ at the repository root; `purge` removes it.
import { execFileSync, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const home = path.join(repo, '.cluster');
const logs = path.join(home, 'logs');
const run = path.join(home, 'run');
const templates = path.join(repo, 'deploy', 'cluster');
const apiMain = path.join(repo, 'hamro-concert.api', 'dist', 'main.js');

/** Ports of the layout on one machine; on three machines each node keeps its own port on its own address. */
export const PORTS = {
  etcdClient: 2379,
  etcdPeer: 2380,
  nodes: [
    { name: 'pg1', pg: 5433, rest: 8008 },
    { name: 'pg2', pg: 5434, rest: 8009 },
    { name: 'pg3', pg: 5435, rest: 8010 },
  ],
  primary: 5000,
  replicas: 5001,
  api: 8080,
  apiFirst: 3101,
};
const APIS = Number(process.env.CLUSTER_APIS ?? 3);
/**
 * HAProxy's limits at the edge, requests over a sliding 10 seconds (0 switches one off). Per address the
 * API's own ceilings (60,000 reads and 3,000 writes a minute); per browser session above the API's
 * 1,200 reads and 60 writes a minute, so the API's finer limits answer a buyer first.
 */
const EDGE = {
  edgeAddressRequests: edgeSetting('EDGE_ADDRESS_REQUESTS_PER_10S', 10_000),
  edgeAddressWrites: edgeSetting('EDGE_ADDRESS_WRITES_PER_10S', 500),
  edgeSessionRequests: edgeSetting('EDGE_SESSION_REQUESTS_PER_10S', 300),
};
const PG_BIN = process.env.PG_BIN ?? '/usr/lib/postgresql/15/bin';
const DATABASE = 'hamro_concert';
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function edgeSetting(name, fallback) {
  const value = Number(process.env[name] || fallback);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, 0 or more`);
  return value;
}

function fill(template, values) {
  return template.replace(/\{\{(\w+)\}\}/g, (_, key) => {
    if (!(key in values)) throw new Error(`no value for {{${key}}}`);
    return String(values[key]);
  });
}

/** Passwords made once per cluster and kept in .cluster/secrets.json (readable by root only). */
function secrets() {
  const file = path.join(home, 'secrets.json');
  if (!fs.existsSync(file)) {
    const make = () => randomBytes(18).toString('base64url');
    fs.writeFileSync(file, JSON.stringify({ superuser: make(), replication: make(), rewind: make(), app: make() }), {
      mode: 0o600,
    });
  }
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

const postgresUser = () => {
  const [uid, gid] = ['-u', '-g'].map((flag) => Number(execFileSync('id', [flag, 'postgres'], { encoding: 'utf8' })));
  return { uid, gid };
};

function pidOf(name) {
  try {
    return Number(fs.readFileSync(path.join(run, `${name}.pid`), 'utf8'));
  } catch {
    return undefined;
  }
}

function alive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** Starts a long-running process detached, its output in .cluster/logs/<name>.log and its pid in run/. */
function daemon(name, command, args, { env = {}, user } = {}) {
  if (alive(pidOf(name))) return pidOf(name);
  const out = fs.openSync(path.join(logs, `${name}.log`), 'a');
  const child = spawn(command, args, {
    cwd: repo,
    env: { ...process.env, ...env },
    stdio: ['ignore', out, out],
    detached: true,
    ...(user ?? {}),
  });
  child.unref();
  fs.closeSync(out);
  fs.writeFileSync(path.join(run, `${name}.pid`), String(child.pid));
  return child.pid;
}

async function until(what, check, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check().catch(() => undefined);
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await sleep(300);
  }
}

/** The cluster as Patroni's REST API on any node sees it: its members, their roles and lag. */
export async function members() {
  for (const node of PORTS.nodes) {
    const response = await fetch(`http://127.0.0.1:${node.rest}/cluster`, { signal: AbortSignal.timeout(1000) }).catch(
      () => undefined,
    );
    if (response?.ok) return (await response.json()).members;
  }
  return [];
}

export const leaderOf = (list) => list.find((member) => member.role === 'leader');

function writeConfigs() {
  const keys = secrets();
  const { uid, gid } = postgresUser();
  const patroni = fs.readFileSync(path.join(templates, 'patroni.yml'), 'utf8');
  for (const node of PORTS.nodes) {
    const dir = path.join(home, node.name);
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.chownSync(dir, uid, gid);
    const file = path.join(dir, 'patroni.yml');
    fs.writeFileSync(
      file,
      fill(patroni, {
        name: node.name,
        restPort: node.rest,
        pgPort: node.pg,
        etcdHosts: `127.0.0.1:${PORTS.etcdClient}`,
        dataDir: path.join(dir, 'data'),
        binDir: PG_BIN,
        pgpass: path.join(dir, 'pgpass'),
        socketDir: dir,
        superuserPassword: keys.superuser,
        replicationPassword: keys.replication,
        rewindPassword: keys.rewind,
      }),
      { mode: 0o600 },
    );
    fs.chownSync(file, uid, gid);
  }
  const server = (name, port, check) => `    server ${name} 127.0.0.1:${port} check port ${check}`;
  const haproxy = fill(fs.readFileSync(path.join(templates, 'haproxy.cfg'), 'utf8'), {
    statsSocket: path.join(run, 'haproxy.sock'),
    primaryPort: PORTS.primary,
    replicaPort: PORTS.replicas,
    apiPort: PORTS.api,
    ...EDGE,
    answers: path.join(templates, 'answers'),
    pgServers: PORTS.nodes.map((node) => server(node.name, node.pg, node.rest)).join('\n'),
    apiServers: Array.from(
      { length: APIS },
      (_, i) => `    server api${i + 1} 127.0.0.1:${PORTS.apiFirst + i} check`,
    ).join('\n'),
  });
  fs.writeFileSync(path.join(home, 'haproxy.cfg'), haproxy);
  return keys;
}

/** The application's role and database, made once through the primary port. */
async function createDatabase(keys) {
  const admin = new pg.Client({
    connectionString: `postgresql://postgres:${keys.superuser}@127.0.0.1:${PORTS.primary}/postgres`,
  });
  await admin.connect();
  try {
    const role = await admin.query('select 1 from pg_roles where rolname = $1', ['hamro']);
    if (role.rowCount === 0) await admin.query(`create role hamro login password '${keys.app}'`);
    const db = await admin.query('select 1 from pg_database where datname = $1', [DATABASE]);
    if (db.rowCount === 0) await admin.query(`create database ${DATABASE} owner hamro`);
  } finally {
    await admin.end();
  }
}

export function databaseUrl(keys = secrets(), port = PORTS.primary) {
  return `postgresql://hamro:${keys.app}@127.0.0.1:${port}/${DATABASE}`;
}

/** PostgreSQL's superuser on the application's database, for the drills that look inside a node. */
export function superuserUrl(port = PORTS.primary) {
  return `postgresql://postgres:${secrets().superuser}@127.0.0.1:${port}/${DATABASE}`;
}

async function ready(url) {
  const response = await fetch(url, { signal: AbortSignal.timeout(1000) });
  return response.ok;
}

async function up() {
  for (const dir of [home, logs, run]) fs.mkdirSync(dir, { recursive: true });
  // PostgreSQL runs as `postgres`: it must be able to reach its folder under the repository.
  fs.chmodSync(home, 0o755);
  const keys = writeConfigs();
  daemon('etcd', 'etcd', [
    '--name=etcd1',
    `--data-dir=${path.join(home, 'etcd')}`,
    `--listen-client-urls=http://127.0.0.1:${PORTS.etcdClient}`,
    `--advertise-client-urls=http://127.0.0.1:${PORTS.etcdClient}`,
    `--listen-peer-urls=http://127.0.0.1:${PORTS.etcdPeer}`,
    `--initial-advertise-peer-urls=http://127.0.0.1:${PORTS.etcdPeer}`,
    `--initial-cluster=etcd1=http://127.0.0.1:${PORTS.etcdPeer}`,
  ]);
  await until('etcd', () => ready(`http://127.0.0.1:${PORTS.etcdClient}/health`));
  for (const node of PORTS.nodes) {
    daemon(node.name, 'patroni', [path.join(home, node.name, 'patroni.yml')], { user: postgresUser() });
  }
  const formed = await until(
    'a primary with a synchronous replica',
    async () => {
      const list = await members();
      return (
        leaderOf(list) &&
        list.some((m) => m.role === 'sync_standby' && ['running', 'streaming'].includes(m.state)) &&
        list
      );
    },
    120_000,
  );
  console.log(`PostgreSQL: primary ${leaderOf(formed).name}, ${formed.length - 1} replicas`);
  daemon('haproxy', 'haproxy', ['-db', '-f', path.join(home, 'haproxy.cfg')]);
  // The application's role and database, through HAProxy's primary port once it routes there.
  await until('HAProxy on the primary port', async () => {
    await createDatabase(keys);
    return true;
  });
  if (!fs.existsSync(apiMain)) throw new Error(`${apiMain} is missing: run npm run build first`);
  for (let i = 0; i < APIS; i++) {
    daemon(`api${i + 1}`, process.execPath, [apiMain], {
      env: {
        NODE_ENV: 'production',
        HOST: '127.0.0.1',
        PORT: String(PORTS.apiFirst + i),
        DATABASE_URL: databaseUrl(keys),
        // Organizer reports and the booking lookup read from a replica while it keeps up.
        DATABASE_READ_URL: databaseUrl(keys, PORTS.replicas),
        TRUST_PROXY_HOPS: '1',
        PUBLIC_BASE_URL: `http://127.0.0.1:${PORTS.api}`,
        SHUTDOWN_DELAY_SECONDS: '2',
      },
    });
    // The first instance migrates and seeds; the others start once it has.
    if (i === 0)
      await until('the first API instance', () => ready(`http://127.0.0.1:${PORTS.apiFirst}/health/ready`), 120_000);
  }
  await until('every API instance behind HAProxy', async () => {
    for (let i = 0; i < APIS; i++)
      if (!(await ready(`http://127.0.0.1:${PORTS.apiFirst + i}/health/ready`))) return false;
    return ready(`http://127.0.0.1:${PORTS.api}/health/ready`);
  });
  console.log(`API: http://127.0.0.1:${PORTS.api} (HAProxy over ${APIS} instances on ${PORTS.apiFirst}...)`);
  console.log(`database: primary 127.0.0.1:${PORTS.primary}, replicas 127.0.0.1:${PORTS.replicas} (user hamro)`);
}

/** One command on HAProxy's stats socket (the process that holds it now answers), and its answer. */
function haproxyCommand(command) {
  return new Promise((resolve, reject) => {
    const socket = net.connect(path.join(run, 'haproxy.sock'));
    let answer = '';
    socket.on('data', (chunk) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
    socket.end(`${command}\n`);
  });
}

/**
 * Writes the configuration again and hands HAProxy over to a new process with it (-sf): the new one
 * takes the ports and the old one finishes the requests it has (its long-lived database connections
 * at most 30 s, hard-stop-after, then the API's pools connect again). For new EDGE_* limits.
 */
async function reload() {
  writeConfigs();
  execFileSync('haproxy', ['-c', '-q', '-f', path.join(home, 'haproxy.cfg')], { stdio: 'inherit' });
  const old = pidOf('haproxy');
  fs.rmSync(path.join(run, 'haproxy.pid'), { force: true });
  const args = ['-db', '-f', path.join(home, 'haproxy.cfg'), ...(alive(old) ? ['-sf', String(old)] : [])];
  daemon('haproxy', 'haproxy', args);
  const started = pidOf('haproxy');
  await until('HAProxy with the new configuration', async () => {
    if (!alive(started)) throw new Error(`the new HAProxy exited: see ${path.join(logs, 'haproxy.log')}`);
    return (await haproxyCommand('show info')).includes(`\nPid: ${started}\n`);
  });
  await until('the old HAProxy to finish', async () => !alive(old), 40_000);
  console.log(`HAProxy reloaded (edge limits per 10 s: ${JSON.stringify(EDGE)})`);
}

/** The clients HAProxy's limits at the edge are counting now, with their request rates over 10 s. */
async function edge() {
  const config = fs.readFileSync(path.join(home, 'haproxy.cfg'), 'utf8');
  const limits = [...config.matchAll(/^\s*acl (\w+_flood) \S+ gt (\d+)$/gm)].map(([, name, n]) => `${name} over ${n}`);
  console.log(`limits per 10 s (0: off): ${limits.join(', ')}`);
  for (const table of ['edge_addresses', 'edge_address_writes', 'edge_sessions'])
    console.log((await haproxyCommand(`show table ${table}`)).trim());
}

async function stop(name, signal = 'SIGTERM') {
  const pid = pidOf(name);
  if (!alive(pid)) return;
  process.kill(pid, signal);
  await until(`${name} to stop`, async () => !alive(pid), 30_000).catch(() => process.kill(pid, 'SIGKILL'));
}

async function down() {
  for (let i = 0; i < 16; i++) await stop(`api${i + 1}`);
  await stop('haproxy');
  await Promise.all(PORTS.nodes.map((node) => stop(node.name)));
  await stop('etcd');
  console.log('stopped; the data stays in .cluster/ (npm run cluster -- purge removes it)');
}

async function status() {
  const list = await members();
  if (list.length === 0) console.log('no Patroni node answers');
  for (const m of list) console.log(`${m.name.padEnd(5)} ${m.role.padEnd(13)} ${m.state.padEnd(10)} lag ${m.lag ?? 0}`);
  for (let i = 0; i < APIS; i++) {
    const url = `http://127.0.0.1:${PORTS.apiFirst + i}/health/ready`;
    console.log(`api${i + 1}  ${(await ready(url).catch(() => false)) ? 'ready' : 'not ready'}`);
  }
}

/** `patronictl` against the first node's configuration (any node's would do). */
export function patronictl(...args) {
  return execFileSync('patronictl', ['-c', path.join(home, 'pg1', 'patroni.yml'), ...args], { encoding: 'utf8' });
}

async function handOver(kind) {
  const list = await members();
  const leader = leaderOf(list);
  const candidate = list.find((m) => m.role === 'sync_standby') ?? list.find((m) => m !== leader);
  if (!leader || !candidate) throw new Error('no leader and replica to hand over between');
  const args =
    kind === 'switchover'
      ? ['switchover', '--leader', leader.name, '--candidate', candidate.name, '--force']
      : ['failover', '--candidate', candidate.name, '--force'];
  console.log(patronictl(...args, 'hamro-concert'));
}

const command = process.argv[2];
const commands = {
  up,
  down,
  status,
  reload,
  edge,
  switchover: () => handOver('switchover'),
  failover: () => handOver('failover'),
  purge: async () => {
    await down();
    fs.rmSync(home, { recursive: true, force: true });
  },
};
if (import.meta.url === `file://${process.argv[1]}`) {
  if (!commands[command]) {
    console.error('usage: npm run cluster -- up | down | status | reload | edge | switchover | failover | purge');
    process.exit(2);
  }
  await commands[command]();
}
