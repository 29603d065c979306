import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildConcert, buyer, seatsOf } from './factories.js';
import { type TestApp, post, startTestApp } from './harness.js';
import { countRows } from './invariants.js';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const key = () => `checkout-${crypto.randomUUID()}`;

describe('Idempotency-Key', () => {
  it('when a booking is retried with the same key and body, then the first answer comes back and one booking exists', async () => {
    const concert = await buildConcert(app);
    const [a, b] = await seatsOf(app, concert.id);
    const body = { ...buyer(), seatIds: [a!.id, b!.id] };
    const headers = { 'idempotency-key': key() };

    const first = await post(app, '/ticket-bookings/seats', body, headers);
    const retry = await post(app, '/ticket-bookings/seats', body, headers);

    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.body).toEqual(first.body);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await countRows(app, 'bookings', concert.id)).toBe(1);
  });

  it('when the first answer was an error, then the retry gets the same error', async () => {
    const concert = await buildConcert(app);
    const [a] = await seatsOf(app, concert.id);
    expect((await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [a!.id] })).status).toBe(201);
    const body = { ...buyer(), seatIds: [a!.id] };
    const headers = { 'idempotency-key': key() };
    const first = await post(app, '/ticket-bookings/seats', body, headers);
    const retry = await post(app, '/ticket-bookings/seats', body, headers);
    expect(first.status).toBe(409);
    expect(retry.status).toBe(409);
    expect(retry.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(retry.body).toEqual(first.body);
  });

  it('when the same key comes with a different body, then 422', async () => {
    const concert = await buildConcert(app);
    const [a, b] = await seatsOf(app, concert.id);
    const headers = { 'idempotency-key': key() };
    expect((await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [a!.id] }, headers)).status).toBe(201);
    const other = await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [b!.id] }, headers);
    expect(other.status).toBe(422);
    expect(other.body.code).toBe('idempotency-key-reused');
    expect((await seatsOf(app, concert.id)).find((s) => s.id === b!.id)!.status).toBe('available');
  });

  it('when the same request with the same key arrives many times at once, then it is done once and the rest wait or replay', async () => {
    const concert = await buildConcert(app);
    const [a] = await seatsOf(app, concert.id);
    const body = { ...buyer(), seatIds: [a!.id] };
    const headers = { 'idempotency-key': key() };

    const responses = await Promise.all(
      Array.from({ length: 8 }, () => post(app, '/ticket-bookings/seats', body, headers)),
    );

    const statuses = responses.map((r) => r.status);
    expect(
      statuses.every((s) => s === 201 || s === 409),
      statuses.join(),
    ).toBe(true);
    const created = responses.filter((r) => r.status === 201);
    expect(created.length).toBeGreaterThanOrEqual(1);
    for (const replay of created) expect(replay.body).toEqual(created[0]!.body);
    for (const busy of responses.filter((r) => r.status === 409)) expect(busy.body.code).toBe('idempotency-key-in-use');
    expect(await countRows(app, 'bookings', concert.id)).toBe(1);
  });

  it('when keys are used on different endpoints, then they do not collide, and holds honour them too', async () => {
    const concert = await buildConcert(app);
    const [a, b] = await seatsOf(app, concert.id);
    const shared = key();
    const held = await post(app, '/holds', { concertId: concert.id, seatIds: [a!.id] }, { 'idempotency-key': shared });
    const again = await post(app, '/holds', { concertId: concert.id, seatIds: [a!.id] }, { 'idempotency-key': shared });
    expect(held.status).toBe(201);
    expect(again.body).toEqual(held.body);
    const holds = await app.database.db.execute<{ n: number }>(
      sql`select count(*)::int as n from holds where concert_id = ${concert.id}`,
    );
    expect(holds.rows[0]!.n).toBe(1);
    expect(
      (await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [b!.id] }, { 'idempotency-key': shared }))
        .status,
    ).toBe(201);
  });

  it('when a booking commits but its answer cannot be stored, then a retry with the key answers with that booking', async () => {
    const db = app.database.db;
    // A real fault in PostgreSQL: storing an answer for these keys fails, after the booking committed.
    await db.execute(sql`
      create or replace function refuse_test_answers() returns trigger language plpgsql as $$
      begin
        if new.response_status is not null and new.key like 'lost-answer-%' then
          raise exception 'the answer store is down (test)';
        end if;
        return new;
      end $$`);
    await db.execute(sql`drop trigger if exists refuse_test_answers on idempotency_keys`);
    await db.execute(sql`create trigger refuse_test_answers before update on idempotency_keys
      for each row execute function refuse_test_answers()`);
    try {
      const concert = await buildConcert(app);
      const [a, b] = await seatsOf(app, concert.id);
      const body = { ...buyer(), seatIds: [b!.id, a!.id] };
      const headers = { 'idempotency-key': `lost-answer-${crypto.randomUUID()}` };
      const first = await post(app, '/ticket-bookings/seats', body, headers);
      expect(first.status).toBe(500);
      expect(await countRows(app, 'bookings', concert.id)).toBe(1);
      await db.execute(sql`drop trigger refuse_test_answers on idempotency_keys`);

      const retry = await post(app, '/ticket-bookings/seats', body, headers);
      expect(retry.status).toBe(201);
      expect(retry.headers.get('idempotent-replayed')).toBe('true');
      const { rows } = await db.execute<{ reference: string }>(
        sql`select reference from bookings where concert_id = ${concert.id}`,
      );
      expect(retry.body).toMatchObject({
        reference: rows[0]!.reference,
        userEmail: body.userEmail,
        seatIds: [b!.id, a!.id],
        tickets: [expect.objectContaining({ seatId: a!.id }), expect.objectContaining({ seatId: b!.id })],
      });
      const again = await post(app, '/ticket-bookings/seats', body, headers);
      expect(again.body).toEqual(retry.body);
      expect(await countRows(app, 'bookings', concert.id)).toBe(1);
    } finally {
      await db.execute(sql`drop trigger if exists refuse_test_answers on idempotency_keys`);
      await db.execute(sql`drop function if exists refuse_test_answers()`);
    }
  });

  it('when a key was claimed long ago by a request that ended with no answer and no booking, then a retry runs', async () => {
    const concert = await buildConcert(app);
    const [a] = await seatsOf(app, concert.id);
    const body = { concertId: concert.id, seatIds: [a!.id] };
    const stale = key();
    const hash = createHash('sha256').update(JSON.stringify(body)).digest('base64url');
    await app.database.db.execute(sql`
      insert into idempotency_keys (endpoint, key, request_hash, created_at, expires_at)
      values ('POST /holds', ${stale}, ${hash}, now() - interval '1 minute', now() + interval '1 day')`);
    const busy = key();
    await app.database.db.execute(sql`
      insert into idempotency_keys (endpoint, key, request_hash, expires_at)
      values ('POST /holds', ${busy}, ${hash}, now() + interval '1 day')`);

    expect((await post(app, '/holds', body, { 'idempotency-key': busy })).status).toBe(409);
    const retried = await post(app, '/holds', body, { 'idempotency-key': stale });
    expect(retried.status).toBe(201);
    expect((await post(app, '/holds', body, { 'idempotency-key': stale })).body).toEqual(retried.body);
  });

  it('when the key is malformed, then 400', async () => {
    const response = await post(
      app,
      '/ticket-bookings/seats',
      { ...buyer(), seatIds: [1] },
      { 'idempotency-key': 'has space' },
    );
    expect(response.status).toBe(400);
  });
});
