// Start-up as a new user tries it as root (as in most containers): the product run from a clone in a
// private home (0700), and from a world-readable tree with DATA_DIR in a private `mktemp -d` folder.
// PostgreSQL then runs as the postgres user, which can enter neither folder.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { book, call, findFreeSeats, uniqueBuyer } from '../lib/client.js';
import { apiMain, startApi } from '../lib/servers.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
/** Where the product keeps, as root, what the postgres user could not reach (see embedded-placement.ts). */
const SYSTEM_DIR = '/var/lib/hamro-concert';
const asRoot = process.getuid?.() === 0;
const postgresUid = () => Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }));
const STACK_TRACE = /^\s+at .+:\d+:\d+\)?$/m;

function privateFolder(prefix) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  assert.equal(fs.statSync(dir).mode & 0o777, 0o700);
  return dir;
}

/** A clone of the committed tree with this tree's installed packages and builds hard-linked in, no symlinks. */
function cloneInto(dir) {
  const clone = path.join(dir, 'hamro-concert');
  execFileSync('git', ['clone', '--quiet', repo, clone]);
  const builds = ['hamro-concert.api/dist', 'hamro-concert.contracts/dist'];
  for (const folder of ['node_modules', 'hamro-concert.api/node_modules', ...builds]) {
    if (fs.existsSync(path.join(repo, folder)))
      execFileSync('cp', ['-al', path.join(repo, folder), path.join(clone, folder)]);
  }
  return clone;
}

/** The system folder a data folder's cluster was put in, from the record the product keeps beside it. */
function recordedCluster(dataDir) {
  const cluster = fs.readFileSync(path.join(dataDir, 'postgres.location'), 'utf8').trim();
  assert.ok(cluster.startsWith(`${SYSTEM_DIR}/clusters/`), cluster);
  return cluster;
}

/** Starts the API, books a seat, stops it with SIGTERM, starts it again and finds the booking; returns all output. */
async function bookThenRestart(name, start) {
  const apis = [];
  try {
    apis.push(await startApi({ name, ...start }));
    const list = await call(apis[0].baseUrl, 'GET', '/concerts');
    assert.equal(list.status, 200);
    assert.equal(list.body.total, 3, 'the three demo concerts are seeded');
    const { seats } = await findFreeSeats(apis[0].baseUrl, 1);
    const buyer = uniqueBuyer('Restart');
    const booking = await book(apis[0].baseUrl, buyer, [seats[0].id]);
    assert.equal(booking.status, 201, JSON.stringify(booking.body));
    assert.equal((await apis[0].stop()).code, 0, apis[0].output());

    apis.push(await startApi({ name: `${name} again`, ...start }));
    const email = encodeURIComponent(buyer.userEmail);
    const found = await call(apis[1].baseUrl, 'GET', `/bookings/${booking.body.reference}?email=${email}`);
    assert.equal(found.status, 200, 'the booking made before the restart is still there');
    assert.equal(found.body.reference, booking.body.reference);
    assert.equal((await call(apis[1].baseUrl, 'GET', '/concerts')).body.total, 3, 'nothing is seeded again');
    assert.equal((await apis[1].stop()).code, 0, apis[1].output());
  } finally {
    await Promise.all(apis.map((api) => api.stop()));
  }
  const output = apis.map((api) => api.output()).join('\n');
  assert.doesNotMatch(output, STACK_TRACE);
  assert.doesNotMatch(output, /Unhandled 'error' event/);
  return output;
}

describe(
  'start-up as root from private folders',
  { skip: !asRoot && 'runs only as root (PostgreSQL then runs as the postgres user)' },
  () => {
    const hadSystemDir = fs.existsSync(SYSTEM_DIR);
    const hadEntries = new Set(hadSystemDir ? fs.readdirSync(SYSTEM_DIR) : []);
    const made = [];
    const dataDirs = [];

    after(() => {
      for (const dataDir of dataDirs) {
        if (fs.existsSync(path.join(dataDir, 'postgres.location')))
          fs.rmSync(path.dirname(recordedCluster(dataDir)), { recursive: true, force: true });
      }
      for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
      if (!fs.existsSync(SYSTEM_DIR)) return;
      for (const entry of fs.readdirSync(SYSTEM_DIR)) {
        if (entry.startsWith('postgres-') && !hadEntries.has(entry))
          fs.rmSync(path.join(SYSTEM_DIR, entry), { recursive: true, force: true });
      }
      const clustersDir = path.join(SYSTEM_DIR, 'clusters');
      if (!hadEntries.has('clusters') && fs.existsSync(clustersDir) && !fs.readdirSync(clustersDir).length)
        fs.rmdirSync(clustersDir);
      if (!hadSystemDir && !fs.readdirSync(SYSTEM_DIR).length) fs.rmdirSync(SYSTEM_DIR);
    });

    it(
      'a clone in a 0700 home starts, keeps its data across a restart, and the home stays 0700',
      { timeout: 300_000 },
      async () => {
        const home = privateFolder('hamro-home-');
        made.push(home);
        const clone = cloneInto(home);
        const main = path.join(clone, 'hamro-concert.api', 'dist', 'main.js');
        const dataDir = path.join(clone, '.data');
        dataDirs.push(dataDir);

        // No database variables: DATA_DIR defaults to the clone's .data, under the private home.
        const started = Date.now();
        await bookThenRestart('API in a private home', { main, cwd: path.join(clone, 'hamro-concert.api') });
        console.log(`# two starts and stops from the private home took ${Date.now() - started} ms`);

        const cluster = recordedCluster(dataDir);
        assert.equal(fs.statSync(cluster).uid, postgresUid(), 'the cluster belongs to the postgres user');
        assert.equal(fs.existsSync(path.join(dataDir, 'postgres')), false);
        assert.ok(fs.existsSync(path.join(dataDir, 'postgres.password')));
        const programs = fs.readdirSync(SYSTEM_DIR).filter((entry) => entry.startsWith('postgres-'));
        assert.equal(programs.length >= 1, true, 'PostgreSQL runs from a copy the postgres user can reach');
        const copy = fs.statSync(path.join(SYSTEM_DIR, programs[0], 'bin', 'postgres'));
        assert.deepEqual([copy.uid, copy.mode & 0o777], [0, 0o755]);
        assert.equal(fs.statSync(home).mode & 0o777, 0o700, 'the home folder keeps its mode');
      },
    );

    it(
      'this tree with DATA_DIR in a fresh 0700 folder starts, keeps its data, and the folder stays 0700',
      { timeout: 300_000 },
      async () => {
        const dataDir = privateFolder('hamro-data-');
        made.push(dataDir);
        dataDirs.push(dataDir);

        await bookThenRestart('API with a private DATA_DIR', { main: apiMain, env: { DATA_DIR: dataDir } });

        const cluster = recordedCluster(dataDir);
        assert.equal(fs.statSync(cluster).uid, postgresUid(), 'the cluster belongs to the postgres user');
        assert.deepEqual(fs.readdirSync(dataDir).sort(), ['postgres.location', 'postgres.password']);
        assert.equal(fs.statSync(dataDir).mode & 0o777, 0o700, 'DATA_DIR keeps its mode');
      },
    );
  },
);
