import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConcert, buyer, seatsOf } from './factories.js';
import { type TestApp, eventually, get, post, startTestApp } from './harness.js';

interface StreamEvent {
  id: string | undefined;
  event: string;
  data: any;
}

/** A live seat stream read over real HTTP, event by event. */
async function openStream(app: TestApp, concertId: string, headers: Record<string, string> = {}) {
  const controller = new AbortController();
  const response = await fetch(`${app.baseUrl}/concerts/${concertId}/seats/events`, {
    headers,
    signal: controller.signal,
  });
  const events: StreamEvent[] = [];
  let comments = 0;
  if (response.ok && response.body) {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) return;
          buffer += value;
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const fields = new Map<string, string>();
            for (const line of block.split('\n')) {
              if (line.startsWith(':')) comments++;
              const colon = line.indexOf(':');
              if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trim());
            }
            if (fields.has('event')) {
              events.push({ id: fields.get('id'), event: fields.get('event')!, data: JSON.parse(fields.get('data')!) });
            }
          }
        }
      } catch {
        // aborted by the test
      }
    })();
  }
  return {
    response,
    events,
    comments: () => comments,
    close: () => controller.abort(),
    changed: (seatId: number, status: string) =>
      events.some(
        (e) => e.event === 'seats' && e.data.changes.some((c: any) => c.id === seatId && c.status === status),
      ),
  };
}

const statusOf = async (app: TestApp, concertId: string, seatId: number) =>
  (await seatsOf(app, concertId)).find((seat) => seat.id === seatId)?.status;

let app: TestApp;
let other: TestApp;
beforeAll(async () => {
  [app, other] = await Promise.all([startTestApp(), startTestApp()]);
});
afterAll(() => Promise.all([app.close(), other.close()]));

describe('GET /concerts/:id/seats/events', () => {
  it('when a client asks for the stream with HEAD, then it gets the headers and the answer ends', async () => {
    const concert = await buildConcert(app);
    const response = await fetch(`${app.baseUrl}/concerts/${concert.id}/seats/events`, {
      method: 'HEAD',
      signal: AbortSignal.timeout(2000),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('text/event-stream');
    expect(await response.text()).toBe('');
    const unknown = await fetch(`${app.baseUrl}/concerts/${randomUUID()}/seats/events`, {
      method: 'HEAD',
      signal: AbortSignal.timeout(2000),
    });
    expect(unknown.status).toBe(404);
  });

  it('when a seat is booked through another instance, then a subscriber here hears it within a second', async () => {
    const concert = await buildConcert(app);
    const [seat] = await seatsOf(app, concert.id);
    const stream = await openStream(app, concert.id);
    expect(stream.response.status).toBe(200);
    expect(stream.response.headers.get('content-type')).toContain('text/event-stream');
    await eventually(async () => stream.events.some((e) => e.event === 'ready'));
    expect(stream.events[0]).toMatchObject({ event: 'ready', data: { changes: [] } });

    const booked = Date.now();
    expect((await post(other, '/ticket-bookings/seats', { ...buyer(), seatIds: [seat!.id] })).status).toBe(201);
    await eventually(async () => stream.changed(seat!.id, 'booked'), 1000);
    expect(Date.now() - booked).toBeLessThan(1000);
    const event = stream.events.find((e) => e.event === 'seats')!;
    expect(event.id).toMatch(/^\w+\.\d+$/);
    expect(typeof event.data.version).toBe('string');
    stream.close();
  });

  it('when a client reconnects with Last-Event-ID, then it gets what it missed; an unknown id is told to refetch', async () => {
    const concert = await buildConcert(app);
    const [first, second] = await seatsOf(app, concert.id);
    const stream = await openStream(app, concert.id);
    await eventually(async () => stream.events.length > 0);
    await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [first!.id] });
    await eventually(async () => stream.changed(first!.id, 'booked'));
    const lastId = stream.events.at(-1)!.id!;
    // A second subscriber keeps the channel, as another buyer would, while the first is away.
    const stayer = await openStream(app, concert.id);
    stream.close();
    await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [second!.id] });
    await eventually(async () => stayer.changed(second!.id, 'booked'));

    const resumed = await openStream(app, concert.id, { 'last-event-id': lastId });
    await eventually(async () => resumed.changed(second!.id, 'booked'));
    expect(resumed.events.some((e) => e.event === 'ready' || e.event === 'refetch')).toBe(false);
    const stranger = await openStream(app, concert.id, { 'last-event-id': 'elsewhere.12' });
    await eventually(async () => stranger.events.length > 0);
    expect(stranger.events[0]).toMatchObject({ event: 'refetch', data: { reason: 'resume-unavailable' } });
    for (const s of [resumed, stranger, stayer]) s.close();
  });

  it('when more subscribers listen than are written to in one turn, then every one hears every batch, in order', async () => {
    const concert = await buildConcert(app);
    const [first, second] = await seatsOf(app, concert.id);
    const streams = await Promise.all(Array.from({ length: 230 }, () => openStream(app, concert.id)));
    await eventually(async () => streams.every((s) => s.events.length > 0));
    await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [first!.id] });
    // Past the batch window, so the two bookings go out as two events.
    await eventually(async () => streams.some((s) => s.changed(first!.id, 'booked')));
    await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [second!.id] });
    await eventually(async () => streams.every((s) => s.changed(second!.id, 'booked')), 3000);
    for (const stream of streams) {
      const seats = stream.events.filter((e) => e.event === 'seats');
      const order = seats.flatMap((e) => e.data.changes.map((c: any) => c.id));
      expect(order).toEqual([first!.id, second!.id]);
      const seqs = seats.map((e) => Number(e.id!.split('.')[1]));
      expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
      stream.close();
    }
  });

  it('when seats are added to the concert, then subscribers are told to fetch the map again', async () => {
    const admin = await startTestApp({ tokens: { admin: 'feed-test-admin-token' } });
    try {
      const concert = await buildConcert(admin);
      const stream = await openStream(admin, concert.id);
      await eventually(async () => stream.events.length > 0);
      const tier = concert.tiers[0]!;
      const changed = await request(admin, 'PUT', '/ticket-tiers', { id: tier.id, total: tier.total + 5 });
      expect(changed.status).toBe(200);
      await eventually(async () => stream.events.some((e) => e.event === 'refetch'));
      expect(stream.events.at(-1)!.data).toEqual({ reason: 'layout-changed' });
      expect((await seatsOf(admin, concert.id)).length).toBe(105);
      stream.close();
    } finally {
      await admin.close();
    }
  });

  it('when a stream stays quiet, then heartbeats keep it open; past the cap it answers 503; bad ids get 4xx', async () => {
    const small = await startTestApp({ seatEvents: { maxSubscribers: 1, heartbeatMs: 100 } });
    try {
      const concert = await buildConcert(small);
      const stream = await openStream(small, concert.id);
      await eventually(async () => stream.comments() >= 2, 2000);
      const refused = await get(small, `/concerts/${concert.id}/seats/events`);
      expect(refused.status).toBe(503);
      expect(refused.body.code).toBe('too-many-subscribers');
      expect(refused.headers.get('retry-after')).toBe('5');
      stream.close();
      await eventually(async () => (await get(small, `/concerts/${randomUUID()}/seats/events`)).status === 404);
      expect((await get(small, '/concerts/not-a-uuid/seats/events')).status).toBe(400);
    } finally {
      await small.close();
    }
  });
});

async function request(target: TestApp, method: string, path: string, body: unknown) {
  const response = await fetch(`${target.baseUrl}${path}`, {
    method,
    headers: { 'content-type': 'application/json', authorization: 'Bearer feed-test-admin-token' },
    body: JSON.stringify(body),
  });
  return { status: response.status, body: await response.json() };
}

describe('the seat feed', () => {
  it('when a seat changes while the feed connection is down, then the inventory catches up after it reconnects, and says so', async () => {
    const name = `feed-down-${randomUUID().slice(0, 8)}`;
    const lines: string[] = [];
    let blocked = false;
    const watcher = await startTestApp({
      applicationName: name,
      logLines: lines,
      connectFeed: (database) =>
        blocked
          ? new pg.Client({ host: '127.0.0.1', port: 1, connectionTimeoutMillis: 200 })
          : database.dedicatedClient('seat-feed'),
    });
    try {
      const concert = await buildConcert(watcher);
      const [seat] = await seatsOf(watcher, concert.id);
      blocked = true;
      const ended = await watcher.database.pool.query(
        'select pg_terminate_backend(pid) from pg_stat_activity where application_name = $1',
        [`${name}-seat-feed`],
      );
      expect(ended.rowCount).toBe(1);
      await eventually(async () => !watcher.inventories.connected);

      expect((await post(other, '/ticket-bookings/seats', { ...buyer(), seatIds: [seat!.id] })).status).toBe(201);
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(await statusOf(watcher, concert.id, seat!.id)).toBe('available'); // it truly missed the change

      blocked = false;
      await eventually(async () => (await statusOf(watcher, concert.id, seat!.id)) === 'booked');
      expect(lines.join('\n')).toContain('the seat feed caught up from the database after a lost connection');
    } finally {
      await watcher.close();
    }
  });

  it('when two transactions commit out of the order of their change numbers, then both reach the inventory', async () => {
    const concert = await buildConcert(app);
    const [x, y] = await seatsOf(app, concert.id);
    const early = await app.database.pool.connect();
    const late = await app.database.pool.connect();
    const holdSeat = async (client: pg.PoolClient, seatId: number) => {
      const { rows } = await client.query<{ id: string }>(
        `insert into holds (token, concert_id, seat_ids, expires_at) values ($1, $2, array[$3::int], now() + interval '10 minutes') returning id`,
        [randomUUID(), concert.id, seatId],
      );
      const updated = await client.query<{ change_seq: string }>(
        `update seats set hold_id = $1, held_until = now() + interval '10 minutes',
           change_seq = nextval('seat_change_seq'), change_xid = pg_current_xact_id()
         where id = $2 returning change_seq`,
        [rows[0]!.id, seatId],
      );
      return Number(updated.rows[0]!.change_seq);
    };
    try {
      await early.query('begin');
      const earlySeq = await holdSeat(early, x!.id);
      await late.query('begin');
      const lateSeq = await holdSeat(late, y!.id);
      await late.query('commit');
      expect(earlySeq).toBeLessThan(lateSeq);

      await eventually(async () => (await statusOf(app, concert.id, y!.id)) === 'held');
      expect(await statusOf(app, concert.id, x!.id)).toBe('available');
      await early.query('commit');
      await eventually(async () => (await statusOf(app, concert.id, x!.id)) === 'held');
    } finally {
      early.release();
      late.release();
    }
  });
});

describe('when the database is busy', () => {
  it('when no pooled connection frees up in time, then 503 busy-try-again with Retry-After, and it recovers by itself', async () => {
    const busy = await startTestApp({ poolSize: 1, connectTimeoutMs: 200 });
    try {
      const held = await busy.database.pool.connect();
      const refused = await get(busy, '/concerts');
      expect(refused.status).toBe(503);
      expect(refused.body).toMatchObject({ code: 'busy-try-again', status: 503 });
      expect(refused.headers.get('retry-after')).toBe('1');
      held.release();
      expect((await get(busy, '/concerts')).status).toBe(200);
    } finally {
      await busy.close();
    }
  });

  it('when too many requests already wait for a connection, then new ones are shed at once with 503', async () => {
    const busy = await startTestApp({ poolSize: 1, connectTimeoutMs: 5000, maxWaiting: 1 });
    const held = await busy.database.pool.connect();
    let released = false;
    try {
      const waiting = get(busy, '/concerts');
      await eventually(async () => busy.database.pool.waitingCount >= 1);
      const started = Date.now();
      const shed = await get(busy, '/concerts');
      expect(shed.status).toBe(503);
      expect(shed.body.code).toBe('busy-try-again');
      expect(Date.now() - started).toBeLessThan(1000);
      held.release();
      released = true;
      expect((await waiting).status).toBe(200);
    } finally {
      if (!released) held.release();
      await busy.close();
    }
  });
});
