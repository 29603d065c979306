import { and, eq, sql } from 'drizzle-orm';
import type { Executor } from '../db/client.js';
import { idempotencyKeys } from '../db/schema.js';

export interface StoredResponse {
  requestHash: string;
  status: number | null;
  type: string | null;
  body: string | null;
}

export interface StoredKey extends StoredResponse {
  /** The booking the first request made, linked in the booking's own transaction. */
  bookingReference: string | null;
  /** Seconds since the key was claimed. */
  ageSeconds: number;
}

/**
 * Claims a key for a request: true if this request is the first with it (or the key had expired).
 * The primary key makes two simultaneous claims of one key impossible.
 */
export async function claimKey(db: Executor, endpoint: string, key: string, requestHash: string, ttlHours: number) {
  const { rows } = await db.execute<{ claimed: boolean }>(sql`
    insert into idempotency_keys (endpoint, key, request_hash, expires_at)
    values (${endpoint}, ${key}, ${requestHash}, now() + make_interval(hours => ${ttlHours}::int))
    on conflict (endpoint, key) do update
      set request_hash = excluded.request_hash, response_status = null, response_type = null,
          response_body = null, created_at = now(), expires_at = excluded.expires_at
      where idempotency_keys.expires_at <= now()
    returning true as claimed`);
  return rows.length > 0;
}

export async function findKey(db: Executor, endpoint: string, key: string): Promise<StoredKey | undefined> {
  const [row] = await db
    .select({
      requestHash: idempotencyKeys.requestHash,
      status: idempotencyKeys.responseStatus,
      type: idempotencyKeys.responseType,
      body: idempotencyKeys.responseBody,
      bookingReference: idempotencyKeys.bookingReference,
      ageSeconds: sql<number>`extract(epoch from now() - ${idempotencyKeys.createdAt})::float8`,
    })
    .from(idempotencyKeys)
    .where(and(eq(idempotencyKeys.endpoint, endpoint), eq(idempotencyKeys.key, key)));
  return row;
}

export async function saveResponse(
  db: Executor,
  endpoint: string,
  key: string,
  response: Omit<StoredResponse, 'requestHash'>,
) {
  await db
    .update(idempotencyKeys)
    .set({ responseStatus: response.status, responseType: response.type, responseBody: response.body })
    .where(and(eq(idempotencyKeys.endpoint, endpoint), eq(idempotencyKeys.key, key)));
}

/**
 * Takes over a key claimed this long ago that still has no answer and made no booking: the request
 * that claimed it has surely ended (every statement has a time-out far shorter). True if taken.
 */
export async function reclaimStaleKey(db: Executor, endpoint: string, key: string, olderThanSeconds: number) {
  const result = await db.execute(sql`
    update idempotency_keys set created_at = now()
    where endpoint = ${endpoint} and key = ${key} and response_status is null and booking_reference is null
      and created_at <= now() - make_interval(secs => ${olderThanSeconds}::int)`);
  return (result.rowCount ?? 0) > 0;
}

/** Lets a failed request's key go, so a retry runs again; unless it made a booking, which a retry recovers. */
export async function forgetKey(db: Executor, endpoint: string, key: string) {
  await db
    .delete(idempotencyKeys)
    .where(
      and(
        eq(idempotencyKeys.endpoint, endpoint),
        eq(idempotencyKeys.key, key),
        sql`${idempotencyKeys.bookingReference} is null`,
      ),
    );
}

export async function deleteExpiredKeys(db: Executor): Promise<number> {
  const result = await db.delete(idempotencyKeys).where(sql`${idempotencyKeys.expiresAt} <= now()`);
  return result.rowCount ?? 0;
}
