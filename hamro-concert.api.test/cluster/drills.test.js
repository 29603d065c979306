// Failover drills on the real cluster (npm run cluster): etcd, three PostgreSQL nodes under Patroni
// with synchronous replication, HAProxy, and three API instances behind it. Buyers book through
// HAProxy with Idempotency-Keys and retry until answered, while the primary is killed (-9, Patroni
// and PostgreSQL both) or handed over. Afterwards: no answer was a 500, every 201 is a booking in the
// database, every booking there was told to its buyer, no seat is sold twice. Run: npm run test:cluster.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { after, before, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { bookUntilAnswered, buyerLog } from '../lib/careful-buyer.js';
import { uniqueBuyer } from '../lib/client.js';
import { openSeatStream } from '../lib/events.js';
import { databaseInvariants, lostAndGhosts } from '../lib/invariants.js';
import { createConcert, stadiumConcert } from '../lib/stadium.js';
import { cluster as runCluster } from '../lib/servers.js';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
// The drill's buyers all come from 127.0.0.1 and hold no session: its instances run without limits,
// and HAProxy without its limits at the edge until the drill about them.
const cluster = (command, env = {}) => runCluster(command, { ADMIN_TOKEN, METRICS_TOKEN, ...env });
const { PORTS, members, leaderOf, databaseUrl, superuserUrl, patronictl } = await import(
  path.join(repo, 'deploy', 'cluster.mjs')
);
// Primaries killed one after another in the first drill (each rejoins before the next is killed).
const KILLS = Number(process.env.CLUSTER_DRILL_KILLS ?? 10);
const ADMIN_TOKEN = `cluster-drill-admin-${Date.now()}`;
const METRICS_TOKEN = `cluster-drill-metrics-${Date.now()}`;
const API = `http://127.0.0.1:${PORTS.api}`;
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
const ACCEPTABLE = new Set(['201', '409', '503', 'connection-error', 'timeout']);

/** Buyers booking one seat each through HAProxy, each retrying its own key until answered. */
function storm(seatIds, buyers = 16) {
  const log = buyerLog();
  let next = 0;
  let stopped = false;
  const buy = (seatId) => bookUntilAnswered(seatId, () => API, log, { deadlineMs: 90_000 });
  const running = Promise.all(
    Array.from({ length: buyers }, async () => {
      while (!stopped && next < seatIds.length) {
        await buy(seatIds[next++]);
        await sleep(20);
      }
    }),
  );
  return {
    log,
    async stop() {
      stopped = true;
      await running;
      return log;
    },
  };
}

/** The write outage: the longest gap between two successful bookings while the storm ran, from `from` on. */
function outage(successes, from, to) {
  const times = successes.filter((at) => at <= to).sort((a, b) => a - b);
  let longest = { ms: 0 };
  for (let i = 1; i < times.length; i++) {
    if (times[i] < from) continue;
    const gap = times[i] - times[i - 1];
    if (gap > longest.ms) longest = { ms: gap, lastBefore: times[i - 1], firstAfter: times[i] };
  }
  return longest;
}

async function assertNothingLost(concertId, log) {
  assert.deepEqual(
    Object.keys(log.outcomes).filter((key) => !ACCEPTABLE.has(key)),
    [],
    `answers other than 201, 409, 503: ${JSON.stringify(log.outcomes)}`,
  );
  assert.deepEqual(log.unsettled, [], 'buyers never answered');
  const { lost, ghosts } = await lostAndGhosts(databaseUrl(), concertId, log.answered);
  assert.deepEqual(lost, [], 'told 201 but not in the database');
  assert.deepEqual(ghosts, [], 'in the database but never told to a buyer');
  assert.deepEqual((await databaseInvariants(databaseUrl(), concertId)).problems, []);
}

/** One request through HAProxy from a client address of its own (any of 127.0.0.0/8 on loopback). */
function fromAddress(localAddress, method, url, { body, headers = {} } = {}) {
  return new Promise((resolve) => {
    const req = http.request(`${API}${url}`, {
      method,
      localAddress,
      headers: { 'content-type': 'application/json', ...headers },
    });
    req.on('response', (res) => {
      let text = '';
      res.on('data', (chunk) => (text += chunk));
      res.on('end', () => resolve({ status: res.statusCode, headers: res.headers, body: text }));
    });
    req.on('error', (error) => resolve({ status: 0, headers: {}, body: error.message }));
    req.end(body);
  });
}

/** POST /holds requests the API instances have answered (all of them, as the drill's instances have no limits). */
async function holdsSeenByInstances() {
  let seen = 0;
  for (let i = 0; i < PORTS.nodes.length; i++) {
    const text = await (
      await fetch(`http://127.0.0.1:${PORTS.apiFirst + i}/metrics`, {
        headers: { authorization: `Bearer ${METRICS_TOKEN}` },
      })
    ).text();
    for (const line of text.split('\n'))
      if (/^hamro_http_request_duration_seconds_count\{[^}]*method="POST"[^}]*route="\/holds"/.test(line))
        seen += Number(line.split(' ').at(-1));
  }
  return seen;
}

const pidOf = (file) => Number(fs.readFileSync(file, 'utf8').split('\n')[0]);

/** As a machine that dies: a node's Patroni and PostgreSQL killed with -9. */
function killNode(name) {
  process.kill(pidOf(path.join(repo, '.cluster', 'run', `${name}.pid`)), 'SIGKILL');
  process.kill(pidOf(path.join(repo, '.cluster', name, 'data', 'postmaster.pid')), 'SIGKILL');
}

/** When another node than `old` leads and runs; undefined after a minute. */
async function promotedAfter(old) {
  for (const deadline = Date.now() + 60_000; Date.now() < deadline; await sleep(200)) {
    const leader = leaderOf(await members());
    if (leader && leader.name !== old && leader.state === 'running') return Date.now();
  }
  return undefined;
}

/** Restarts what was killed and waits until `name` is a streaming replica again and one replica is synchronous. */
async function rejoined(name) {
  cluster('up');
  for (const deadline = Date.now() + 90_000; Date.now() < deadline; await sleep(500)) {
    const list = await members();
    const me = list.find((m) => m.name === name);
    if (
      me &&
      me.role !== 'leader' &&
      ['running', 'streaming'].includes(me.state) &&
      (me.lag ?? 0) < 1_000_000 &&
      list.some((m) => m.role === 'sync_standby')
    )
      return me;
  }
  return undefined;
}

/** An answer's JSON; anything else (an answer HAProxy made up, say) as its text, for an assertion to show. */
function asJson(text) {
  try {
    return JSON.parse(text);
  } catch {
    return { text };
  }
}

/** One query on its own connection. */
async function query(url, text, values = []) {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(text, values)).rows;
  } finally {
    await client.end();
  }
}

/** Polls `check` every 50 ms until it returns something (an error counts as nothing yet); undefined after `ms`. */
async function waitFor(check, ms = 10_000) {
  for (const deadline = Date.now() + ms; Date.now() < deadline; await sleep(50)) {
    const value = await check().catch(() => undefined);
    if (value) return value;
  }
  return undefined;
}

describe('the cluster through a failover', { timeout: 600_000 }, () => {
  /** A concert of its own for each drill, so its bookings are exactly the drill's. */
  async function freshSeats() {
    const concert = await createConcert(API, stadiumConcert(0.15), ADMIN_TOKEN);
    const free = await (await fetch(`${API}/seats/concert/${concert.id}/available`)).json();
    return { concert, seats: free.map((seat) => seat.id) };
  }

  before(() => {
    cluster('purge');
    console.log(cluster('up'));
  });

  after(() => {
    // CLUSTER_DRILL_KEEP=1 leaves the cluster and its logs (.cluster/logs) to look into a failed drill.
    if (!process.env.CLUSTER_DRILL_KEEP) cluster('purge');
  });

  it(`when the primary is killed with -9 during a booking storm, ${KILLS} times in a row, then a replica takes over each time and no booking is lost or a ghost`, async () => {
    const figures = [];
    for (let kill = 1; kill <= KILLS; kill++) {
      const { concert, seats } = await freshSeats();
      const old = leaderOf(await members());
      const run = storm(seats);
      await sleep(3000);
      const killedAt = Date.now();
      killNode(old.name);
      const promotedAt = await promotedAfter(old.name);
      assert.ok(promotedAt, `kill ${kill}: no replica was promoted within a minute`);
      await sleep(8000);
      const stoppedAt = Date.now();
      const log = await run.stop();
      const gap = outage(log.successes, killedAt - 2000, stoppedAt);
      figures.push({ promoted: promotedAt - killedAt, outage: gap.ms, acknowledged: log.answered.size });
      console.log(
        `# kill ${kill}: primary ${old.name} killed, promoted after ${promotedAt - killedAt} ms; write outage ${gap.ms} ms ` +
          `(last success ${gap.lastBefore - killedAt} ms from the kill, first after ${gap.firstAfter - killedAt} ms); ` +
          `${log.answered.size} bookings acknowledged; answers ${JSON.stringify(log.outcomes)}`,
      );
      await assertNothingLost(concert.id, log);
      assert.ok(gap.ms <= 25_000, `kill ${kill}: write outage ${gap.ms} ms, above 25 s`);

      // The old primary comes back as a replica of the new one by itself (pg_rewind) and catches up.
      const back = await rejoined(old.name);
      assert.ok(back, `kill ${kill}: ${old.name} did not rejoin as a replica`);
      console.log(`# ${old.name} rejoined as ${back.role}, lag ${back.lag ?? 0}`);
    }
    const sorted = (key) => figures.map((f) => f[key]).sort((a, b) => a - b);
    const middle = (values) => values[Math.floor(values.length / 2)];
    console.log(
      `# ${KILLS} killed primaries: ${figures.reduce((n, f) => n + f.acknowledged, 0)} bookings acknowledged, 0 lost, 0 ghosts; ` +
        `promotion median ${middle(sorted('promoted'))} ms (most ${sorted('promoted').at(-1)}), ` +
        `write outage median ${middle(sorted('outage'))} ms (most ${sorted('outage').at(-1)})`,
    );
  });

  it("when a booking's commit is cut off from its answer around a failover, then the retry with its Idempotency-Key answers it right whether it committed or not", async () => {
    const { concert, seats } = await freshSeats();
    const book = async (seatId, key, buyer) => {
      const response = await fetch(`${API}/ticket-bookings/seats`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': key },
        body: JSON.stringify({ ...buyer, seatIds: [seatId] }),
        signal: AbortSignal.timeout(60_000),
      });
      return {
        status: response.status,
        body: asJson(await response.text()),
        replayed: response.headers.get('idempotent-replayed'),
      };
    };
    const bookingsOf = async (seatId, url = databaseUrl()) =>
      query(
        url,
        `select b.reference from bookings b join booking_seats bs on bs.booking_id = b.id
         where bs.seat_id = $1 and b.status <> 'cancelled'`,
        [seatId],
      );

    /**
     * Sends a booking whose commit is held waiting for the synchronous replica: the seat's row lock,
     * taken here first, holds the booking after its key is claimed; then the replica's WAL sender is
     * stopped and the lock let go, so the commit is written on the primary and waits for a replica
     * that hears nothing. Answers the request on its way and the processes involved.
     */
    async function commitHeldOnPrimary(seatId, key, buyer) {
      const list = await members();
      const primary = leaderOf(list);
      const replica = list.find((m) => m.role === 'sync_standby');
      const holder = new pg.Client({ connectionString: superuserUrl() });
      await holder.connect();
      await holder.query('begin');
      await holder.query('select id from seats where id = $1 for update', [seatId]);
      const answer = book(seatId, key, buyer);
      const waiting = await waitFor(async () => {
        const rows = await query(
          superuserUrl(),
          `select pid from pg_stat_activity where usename = 'hamro' and wait_event_type = 'Lock' and query ilike '%with hold as%'`,
        );
        return rows[0]?.pid;
      });
      assert.ok(waiting, 'the booking did not reach the seat lock');
      const [sender] = await query(superuserUrl(), 'select pid from pg_stat_replication where application_name = $1', [
        replica.name,
      ]);
      process.kill(sender.pid, 'SIGSTOP');
      await holder.query('rollback');
      await holder.end();
      const held = await waitFor(async () => {
        const rows = await query(superuserUrl(), `select pid, wait_event from pg_stat_activity where pid = $1`, [
          waiting,
        ]);
        return rows[0]?.wait_event === 'SyncRep' && rows[0].pid;
      });
      assert.ok(held, 'the booking is not waiting for the synchronous replica');
      return { answer, primary, replica, sender: sender.pid, backend: held };
    }

    // 1. Committed, its answer lost: the booking's connection is ended while its commit waits (the
    //    commit stays, as PostgreSQL warns), the replica then receives it, and the primary dies.
    const first = { seat: seats[0], key: randomUUID(), buyer: uniqueBuyer('Lost Answer') };
    const a = await commitHeldOnPrimary(first.seat, first.key, first.buyer);
    await query(superuserUrl(), 'select pg_terminate_backend($1)', [a.backend]);
    process.kill(a.sender, 'SIGCONT');
    const firstAnswer = await a.answer;
    assert.equal(firstAnswer.status, 503, `the cut-off commit was answered ${firstAnswer.status}`);
    assert.equal(firstAnswer.body.code, 'busy-try-again');
    const replicaPort = PORTS.nodes.find((n) => n.name === a.replica.name).pg;
    assert.ok(
      await waitFor(async () => (await bookingsOf(first.seat, databaseUrl(undefined, replicaPort))).length === 1),
      'the replica did not receive the booking',
    );
    killNode(a.primary.name);
    assert.ok(await promotedAfter(a.primary.name), 'no replica was promoted');
    let retried;
    for (const deadline = Date.now() + 60_000; Date.now() < deadline && retried?.status !== 201; await sleep(500))
      retried = await book(first.seat, first.key, first.buyer).catch(() => undefined);
    const stored = await bookingsOf(first.seat);
    console.log(
      `# committed, answer lost, primary killed: first answer ${firstAnswer.status}, retry ${retried?.status} ` +
        `(replayed: ${retried?.replayed}), bookings of the seat ${stored.length}`,
    );
    assert.equal(retried?.status, 201);
    assert.equal(retried.replayed, 'true', 'the retry made a booking instead of answering the one committed');
    assert.deepEqual(
      stored.map((row) => row.reference),
      [retried.body.reference],
    );
    assert.ok(await rejoined(a.primary.name), `${a.primary.name} did not rejoin`);

    // 2. Never replicated: the primary dies while the commit waits, its WAL sender with it, so no
    //    replica has the booking; the one written on the dead primary is rewound when it rejoins.
    const second = { seat: seats[1], key: randomUUID(), buyer: uniqueBuyer('Lost Commit') };
    const b = await commitHeldOnPrimary(second.seat, second.key, second.buyer);
    killNode(b.primary.name);
    process.kill(b.sender, 'SIGKILL');
    const secondAnswer = await b.answer;
    assert.equal(secondAnswer.status, 503, `the commit cut off by the kill was answered ${secondAnswer.status}`);
    assert.ok(await promotedAfter(b.primary.name), 'no replica was promoted');
    // Through HAProxy's primary port as soon as it routes to the new primary.
    assert.deepEqual(
      await waitFor(() => bookingsOf(second.seat)),
      [],
      'a booking no replica had survived the failover',
    );
    // Its key was claimed (and replicated) before the booking: the retry waits until the claim is
    // stale (idempotency-key-in-use), then books the seat once.
    let again;
    const answers = {};
    for (const deadline = Date.now() + 90_000; Date.now() < deadline && again?.status !== 201; await sleep(1000)) {
      again = await book(second.seat, second.key, second.buyer).catch(() => undefined);
      const outcome = again ? `${again.status}${again.body.code ? ` ${again.body.code}` : ''}` : 'connection-error';
      answers[outcome] = (answers[outcome] ?? 0) + 1;
    }
    assert.equal(again?.status, 201, `the retry was never booked: ${JSON.stringify(answers)}`);
    assert.equal(again.replayed, null);
    assert.ok(await rejoined(b.primary.name), `${b.primary.name} did not rejoin`);
    const oldPort = PORTS.nodes.find((n) => n.name === b.primary.name).pg;
    const onOld = await waitFor(async () => {
      const rows = await bookingsOf(second.seat, databaseUrl(undefined, oldPort));
      return rows.length === 1 && rows;
    }, 30_000);
    console.log(
      `# commit never replicated, primary killed: first answer ${secondAnswer.status}, retries ${JSON.stringify(answers)}; ` +
        `the seat's bookings on the new primary and on the rejoined old one: ${again.body.reference}`,
    );
    assert.deepEqual(
      (await bookingsOf(second.seat)).map((row) => row.reference),
      [again.body.reference],
    );
    assert.deepEqual(
      onOld?.map((row) => row.reference),
      [again.body.reference],
      'the rejoined old primary still has its own booking',
    );
    assert.deepEqual((await databaseInvariants(databaseUrl(), concert.id)).problems, []);
  });

  it('when the primary is switched over during a booking storm, then writes pause briefly and nothing is lost', async () => {
    const { concert, seats } = await freshSeats();
    const old = leaderOf(await members());
    const run = storm(seats);
    await sleep(3000);
    const startedAt = Date.now();
    const candidate = (await members()).find((m) => m.role === 'sync_standby');
    patronictl('switchover', '--leader', old.name, '--candidate', candidate.name, '--force', 'hamro-concert');
    await sleep(8000);
    const stoppedAt = Date.now();
    const log = await run.stop();
    const gap = outage(log.successes, startedAt - 1000, stoppedAt);
    console.log(
      `# switchover ${old.name} → ${candidate.name}: write outage ${gap.ms} ms; ${log.answered.size} bookings; ` +
        `answers ${JSON.stringify(log.outcomes)}`,
    );
    assert.equal(leaderOf(await members())?.name, candidate.name);
    await assertNothingLost(concert.id, log);
    assert.ok(gap.ms <= 10_000, `write outage ${gap.ms} ms, above 10 s`);
  });

  it('when an API instance is killed behind HAProxy, then buyers carry on through the others and a live seat stream comes back', async () => {
    const { concert, seats } = await freshSeats();
    // Round robin: three streams land on the three instances, one of them on the one that dies.
    const streams = await Promise.all([0, 1, 2].map(() => openSeatStream(API, concert.id)));
    const run = storm(seats.slice(0, -1));
    await sleep(2000);
    const killedAt = Date.now();
    process.kill(pidOf(path.join(repo, '.cluster', 'run', 'api2.pid')), 'SIGKILL');
    await sleep(4000);
    const stoppedAt = Date.now();
    const log = await run.stop();
    const gap = outage(log.successes, killedAt - 1000, stoppedAt);
    console.log(
      `# api2 killed: longest pause between bookings ${gap.ms} ms; ${log.answered.size} bookings; ` +
        `answers ${JSON.stringify(log.outcomes)}`,
    );
    await assertNothingLost(concert.id, log);
    // The stream that was on the dead instance ended; reopened through HAProxy, it reaches a live one.
    const ended = await Promise.all(streams.map((stream) => Promise.race([stream.gone, sleep(100).then(() => false)])));
    assert.equal(ended.filter(Boolean).length, 1, 'one stream stopped with its instance');
    const live = streams.filter((_, i) => !ended[i]);
    live.push(await openSeatStream(API, concert.id));
    const last = seats.at(-1);
    const booked = await fetch(`${API}/ticket-bookings/seats`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ ...uniqueBuyer('After'), seatIds: [last] }),
    });
    assert.equal(booked.status, 201);
    // Each live stream, the reopened one included, tells of the seat booked after the instance died.
    await Promise.all(live.map((stream) => stream.waitFor(last, 'booked', 10_000)));
    for (const stream of streams) stream.close();
    for (const stream of live) stream.close();
    cluster('up');
  });

  it('when both replicas are killed, then writes go on after a pause once Patroni drops synchronous commit, and the replicas rejoin', async () => {
    const { concert, seats } = await freshSeats();
    const replicas = (await members()).filter((m) => m.role !== 'leader');
    const run = storm(seats);
    await sleep(2000);
    const stoppedReplicasAt = Date.now();
    // Killed, Patroni and PostgreSQL both: the primary waits for its synchronous replica until its Patroni
    // sees it gone and turns synchronous commit off (not strict), and bookings go on on the primary alone.
    for (const replica of replicas) {
      process.kill(pidOf(path.join(repo, '.cluster', 'run', `${replica.name}.pid`)), 'SIGKILL');
      process.kill(pidOf(path.join(repo, '.cluster', replica.name, 'data', 'postmaster.pid')), 'SIGKILL');
    }
    await sleep(12_000);
    const stoppedAt = Date.now();
    const log = await run.stop();
    const gap = outage(log.successes, stoppedReplicasAt - 1000, stoppedAt);
    const after = log.successes.filter((at) => at > stoppedReplicasAt + gap.ms).length;
    console.log(
      `# both replicas killed: writes paused ${gap.ms} ms, then ${after} more bookings on the primary alone; ` +
        `answers ${JSON.stringify(log.outcomes)}`,
    );
    assert.ok(after > 0, 'writes did not go on without a replica');
    await assertNothingLost(concert.id, log);
    cluster('up');
    const list = await members();
    assert.ok(
      list.some((m) => m.role === 'sync_standby'),
      'no synchronous replica once they are back',
    );
  });

  it('when bookings are looked up right after they are made, then every one is found, though reads go to a replica', async () => {
    // Each instance finds the replicas again within a few of its checks after the drills before.
    for (let i = 0; i < PORTS.nodes.length; i++) {
      const url = `http://127.0.0.1:${PORTS.apiFirst + i}/health/ready`;
      let reads;
      for (const deadline = Date.now() + 30_000; reads !== 'replica' && Date.now() < deadline; await sleep(500))
        reads = (await (await fetch(url)).json()).checks?.reads;
      assert.equal(reads, 'replica', `api${i + 1} does not read from the replica`);
    }
    const { concert, seats } = await freshSeats();
    const found = await Promise.all(
      seats.slice(0, 100).map(async (seatId) => {
        const who = uniqueBuyer('Reader');
        const booked = await fetch(`${API}/ticket-bookings/seats`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ ...who, seatIds: [seatId] }),
        });
        const { reference } = await booked.json();
        const lookup = await fetch(`${API}/bookings/${reference}?email=${encodeURIComponent(who.userEmail)}`);
        return lookup.status;
      }),
    );
    assert.deepEqual(found, Array(100).fill(200));
    const report = await fetch(`${API}/admin/concerts/${concert.id}/sales`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    assert.equal(report.status, 200);
    assert.ok((await report.json()).totals.sold <= 100);
  });

  it('when one address floods POST /holds, then HAProxy refuses it at the edge with 429 and Retry-After, and other buyers book as before', async () => {
    // The limits at their defaults (the EDGE_* settings unset): 500 writes per address in 10 s.
    cluster('reload', {
      EDGE_ADDRESS_REQUESTS_PER_10S: '',
      EDGE_ADDRESS_WRITES_PER_10S: '',
      EDGE_SESSION_REQUESTS_PER_10S: '',
    });
    // The old HAProxy has closed this process's keep-alive connections: let fetch see that before the next request.
    await sleep(1000);
    const { seats } = await freshSeats();
    const seenBefore = await holdsSeenByInstances();
    const flood = [];
    const flooder = Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let i = 0; i < 250; i++) flood.push(await fromAddress('127.0.0.9', 'POST', '/holds', { body: '{}' }));
      }),
    );
    // 40 buyers, each from an address of its own, book one seat each while the flood goes on.
    const buyers = await Promise.all(
      seats.slice(0, 40).map((seatId, i) =>
        fromAddress(`127.0.3.${i + 1}`, 'POST', '/ticket-bookings/seats', {
          body: JSON.stringify({ ...uniqueBuyer('Edge'), seatIds: [seatId] }),
        }),
      ),
    );
    await flooder;
    const seen = (await holdsSeenByInstances()) - seenBefore;
    const refused = flood.filter((answer) => answer.status === 429);
    console.log(
      `# one address sent ${flood.length} POST /holds: ${refused.length} refused at the edge, ${seen} reached the API instances`,
    );
    assert.deepEqual(
      buyers.map((answer) => answer.status),
      Array(40).fill(201),
    );
    assert.ok(seen <= 600, `${seen} of the flood reached the API, far above the 500 a 10-second window lets through`);
    assert.equal(refused.length + seen, flood.length, 'every flood request was either refused or answered by the API');
    const problem = JSON.parse(refused[0].body);
    assert.equal(refused[0].headers['retry-after'], '10');
    assert.equal(refused[0].headers['content-type'], 'application/problem+json');
    assert.equal(problem.code, 'rate-limited');
    assert.equal(problem.instance, '/holds');

    // A browser session is counted by its cookie wherever it comes from: 300 requests in 10 s, then 429.
    const cookie = { cookie: `hamro_session=edge-drill-${Date.now()}` };
    const reads = [];
    for (let i = 0; i < 320; i++)
      reads.push((await fromAddress(`127.0.4.${(i % 200) + 1}`, 'GET', '/concerts', { headers: cookie })).status);
    assert.deepEqual(reads.slice(0, 300), Array(300).fill(200));
    assert.deepEqual(reads.slice(300), Array(20).fill(429));
    // The same address without that cookie is not refused.
    assert.equal((await fromAddress('127.0.4.1', 'GET', '/concerts')).status, 200);
  });
});
