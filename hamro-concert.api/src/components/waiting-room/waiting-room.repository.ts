import { sql } from 'drizzle-orm';
import type { Db, Executor } from '../../db/client.js';

/** When a room opens: the concert's salesOpenAt, or the moment the room was turned on if that is later. */
const opensAt = sql`greatest(coalesce(c.sales_open_at, w.enabled_at), w.enabled_at)`;

/** What the organizer sets. */
export interface RoomSettingsRow {
  enabled: boolean;
  admitPerMinute: number;
  maxShopping: number;
  paused: boolean;
  joinSecondsBefore: number;
  passSeconds: number;
}

export interface RoomRow extends RoomSettingsRow {
  concertId: string;
  opensAt: Date;
  drawn: boolean;
  /** Visitors waiting for a place or an admission. */
  waiting: number;
  admittedThrough: number;
}

type RoomSqlRow = {
  concert_id: string;
  enabled: boolean;
  admit_per_minute: number;
  max_shopping: number;
  paused: boolean;
  join_seconds_before: number;
  pass_seconds: number;
  opens_at: Date;
  drawn: boolean;
  waiting: string;
  admitted_through: string;
};

const roomColumns = sql`w.concert_id, w.enabled, w.admit_per_minute, w.max_shopping, w.paused,
  w.join_seconds_before, w.pass_seconds, ${opensAt} as opens_at, w.drawn,
  (case when w.drawn then w.last_place - w.admitted_through else w.early_count end)::text as waiting,
  w.admitted_through::text`;

function toRoom(row: RoomSqlRow): RoomRow {
  return {
    concertId: row.concert_id,
    enabled: row.enabled,
    admitPerMinute: row.admit_per_minute,
    maxShopping: row.max_shopping,
    paused: row.paused,
    joinSecondsBefore: row.join_seconds_before,
    passSeconds: row.pass_seconds,
    opensAt: new Date(row.opens_at),
    drawn: row.drawn,
    waiting: Number(row.waiting),
    admittedThrough: Number(row.admitted_through),
  };
}

export async function findRoom(db: Executor, concertId: string): Promise<RoomRow | undefined> {
  const { rows } = await db.execute<RoomSqlRow>(sql`
    select ${roomColumns} from waiting_rooms w join concerts c on c.id = w.concert_id
    where w.concert_id = ${concertId}`);
  return rows[0] && toRoom(rows[0]);
}

/** Creates or changes a concert's room; turning it on again starts its opening clock anew. */
export async function saveRoom(db: Executor, concertId: string, settings: RoomSettingsRow): Promise<void> {
  await db.execute(sql`
    insert into waiting_rooms (concert_id, enabled, admit_per_minute, max_shopping, paused, join_seconds_before,
                               pass_seconds)
    values (${concertId}, ${settings.enabled}, ${settings.admitPerMinute}, ${settings.maxShopping},
            ${settings.paused}, ${settings.joinSecondsBefore}, ${settings.passSeconds})
    on conflict (concert_id) do update set
      enabled = excluded.enabled, admit_per_minute = excluded.admit_per_minute,
      max_shopping = excluded.max_shopping, paused = excluded.paused,
      join_seconds_before = excluded.join_seconds_before, pass_seconds = excluded.pass_seconds,
      enabled_at = case when excluded.enabled and not waiting_rooms.enabled then now() else waiting_rooms.enabled_at end,
      -- A pause earns no admissions: the rate starts counting again from the moment it ends.
      credit = case when excluded.paused then 0 else waiting_rooms.credit end,
      credit_at = case when waiting_rooms.paused <> excluded.paused then now() else waiting_rooms.credit_at end`);
}

/**
 * Joins a room that is on and open for joining, in one statement under the room's row lock (so a
 * join and the draw never cross): before the draw a visitor gets a random draw; after it, the next
 * place in line. The place is the session's: a place of the session that has ended (its pass used
 * or run out) gives the session up to it. Undefined when the room is off or not yet open for
 * joining; a unique violation when the session already has a place (two joins racing).
 */
export async function joinRoom(
  db: Executor,
  concertId: string,
  sessionId: string,
): Promise<{ id: number } | undefined> {
  const { rows } = await db.execute<{ id: string }>(sql`
    with room as (
      update waiting_rooms w set
        last_place = w.last_place + (case when w.drawn then 1 else 0 end),
        early_count = w.early_count + (case when w.drawn then 0 else 1 end)
      from concerts c
      where w.concert_id = ${concertId} and c.id = w.concert_id and w.enabled
        and now() >= ${opensAt} - make_interval(secs => w.join_seconds_before)
      returning w.drawn, w.last_place
    ), ended as (
      update waiting_room_entries set session_id = null
      where concert_id = ${concertId} and session_id = ${sessionId}
        and (done_at is not null or pass_expires_at <= now()) and exists (select 1 from room)
      returning 1
    )
    -- Arrival is when the room let the visitor in line (clock_timestamp, after the lock), not when
    -- the request began: so the times of later arrivals run in the order of their places.
    insert into waiting_room_entries (concert_id, joined_at, draw, place, session_id)
    select ${concertId}, clock_timestamp(), case when drawn then null else random() end,
           case when drawn then last_place end, ${sessionId}
    -- Reads the ended part, so the ended place gives up the session before the new one takes it.
    from room, (select count(*) from ended) as gave_up
    returning id::text`);
  return rows[0] && { id: Number(rows[0].id) };
}

/** The place a session holds in a room now, if any: waiting, or admitted with its pass still live. */
export async function liveEntryOfSession(
  db: Executor,
  concertId: string,
  sessionId: string,
): Promise<number | undefined> {
  const { rows } = await db.execute<{ id: string }>(sql`
    select id::text from waiting_room_entries
    where concert_id = ${concertId} and session_id = ${sessionId}
      and done_at is null and (admitted_at is null or pass_expires_at > now())`);
  return rows[0] && Number(rows[0].id);
}

export interface EntryRow {
  id: number;
  concertId: string;
  place: number | null;
  admittedAt: Date | null;
  passExpiresAt: Date | null;
  done: boolean;
  /** The pass is live now. */
  passLive: boolean;
}

export async function findEntry(db: Executor, concertId: string, id: number): Promise<EntryRow | undefined> {
  const { rows } = await db.execute<{
    id: string;
    concert_id: string;
    place: string | null;
    admitted_at: Date | null;
    pass_expires_at: Date | null;
    done: boolean;
    pass_live: boolean;
  }>(sql`
    select id::text, concert_id, place::text, admitted_at, pass_expires_at, done_at is not null as done,
           coalesce(pass_expires_at > now(), false) as pass_live
    from waiting_room_entries where id = ${id} and concert_id = ${concertId}`);
  const row = rows[0];
  return (
    row && {
      id: Number(row.id),
      concertId: row.concert_id,
      place: row.place === null ? null : Number(row.place),
      admittedAt: row.admitted_at && new Date(row.admitted_at),
      passExpiresAt: row.pass_expires_at && new Date(row.pass_expires_at),
      done: row.done,
      passLive: row.pass_live,
    }
  );
}

/** Activity on a live pass moves its end to a full pass length from now. */
export async function renewPass(db: Executor, entryId: number): Promise<void> {
  await db.execute(sql`
    update waiting_room_entries e set pass_expires_at = greatest(e.pass_expires_at, now() + make_interval(secs => w.pass_seconds))
    from waiting_rooms w
    where e.id = ${entryId} and w.concert_id = e.concert_id and e.pass_expires_at > now() and e.done_at is null`);
}

/** The visitor has booked: no longer shopping, so the place goes to the next in line. */
export async function finishPass(db: Executor, entryId: number): Promise<void> {
  await db.execute(sql`update waiting_room_entries set done_at = now() where id = ${entryId} and done_at is null`);
}

export interface RoomActivity {
  shopping: number;
  admittedLastMinute: number;
}

export async function roomActivity(db: Executor, concertId: string): Promise<RoomActivity> {
  const { rows } = await db.execute<{ shopping: number; admitted_last_minute: number }>(sql`
    select
      (select count(*)::int from waiting_room_entries where concert_id = ${concertId}
         and admitted_at is not null and done_at is null and pass_expires_at > now()) as shopping,
      (select count(*)::int from waiting_room_entries where concert_id = ${concertId}
         and admitted_at > now() - interval '1 minute') as admitted_last_minute`);
  return { shopping: rows[0]!.shopping, admittedLastMinute: rows[0]!.admitted_last_minute };
}

/** Rooms that are on and open, which the admission ticks look after. */
export async function openRooms(db: Executor): Promise<string[]> {
  const { rows } = await db.execute<{ concert_id: string }>(sql`
    select w.concert_id from waiting_rooms w join concerts c on c.id = w.concert_id
    where w.enabled and now() >= ${opensAt}`);
  return rows.map((row) => row.concert_id);
}

/**
 * One admission tick of one room, in one transaction on the room's row (an instance that finds it
 * locked leaves the tick to whoever has it). At the first tick after the opening, those who came
 * before it are drawn into places in the order of their random draws, after any places already
 * given. Then the rate earns admissions (a fraction carries over; at most a few seconds' worth is
 * saved up, so a pause or an idle spell never releases a burst), and the next places in line are
 * admitted, as many as earned and as the shopping limit leaves room for. Returns how many it admitted.
 */
export async function admitDue(db: Db, concertId: string, burstSeconds: number): Promise<number> {
  return db.transaction(async (tx) => {
    const { rows } = await tx.execute<{
      drawn: boolean;
      paused: boolean;
      last_place: string;
      admitted_through: string;
      credit: number;
      max_shopping: number;
      pass_seconds: number;
      per_second: number;
      elapsed: number;
    }>(sql`
      select w.drawn, w.paused, w.last_place::text, w.admitted_through::text, w.credit, w.max_shopping,
             w.pass_seconds, w.admit_per_minute / 60.0 as per_second,
             -- The rate starts counting at the opening, not when the room was set up.
             extract(epoch from now() - case when w.drawn then w.credit_at else ${opensAt} end)::float8 as elapsed
      from waiting_rooms w join concerts c on c.id = w.concert_id
      where w.concert_id = ${concertId} and w.enabled and now() >= ${opensAt}
      for update of w skip locked`);
    const room = rows[0];
    if (!room) return 0;
    let lastPlace = Number(room.last_place);
    if (!room.drawn) {
      const drawn = await tx.execute<{ drawn: number }>(sql`
        with ordered as (
          select id, row_number() over (order by draw, id) as n
          from waiting_room_entries where concert_id = ${concertId} and place is null
        ), placed as (
          update waiting_room_entries e set place = ${lastPlace} + ordered.n
          from ordered where e.id = ordered.id
          returning 1
        )
        select count(*)::int as drawn from placed`);
      lastPlace += drawn.rows[0]!.drawn;
    }
    const through = Number(room.admitted_through);
    const saved = room.drawn ? room.credit : 0;
    const earned = room.paused
      ? 0
      : Math.min(saved + Math.max(0, room.elapsed) * room.per_second, Math.max(1, room.per_second * burstSeconds));
    let admit = Math.min(Math.floor(earned), lastPlace - through);
    if (admit > 0) {
      const shopping = await tx.execute<{ shopping: number }>(sql`
        select count(*)::int as shopping from waiting_room_entries where concert_id = ${concertId}
          and admitted_at is not null and done_at is null and pass_expires_at > now()`);
      admit = Math.max(0, Math.min(admit, room.max_shopping - shopping.rows[0]!.shopping));
    }
    if (admit > 0) {
      await tx.execute(sql`
        update waiting_room_entries
        set admitted_at = now(), pass_expires_at = now() + make_interval(secs => ${room.pass_seconds})
        where concert_id = ${concertId} and place > ${through} and place <= ${through + admit}`);
    }
    // Credit that found no one to admit is not kept beyond the burst: an empty line saves up nothing.
    const credit = lastPlace - through - admit > 0 ? earned - admit : Math.min(earned - admit, 1);
    await tx.execute(sql`
      update waiting_rooms set drawn = true, early_count = 0, last_place = ${lastPlace},
        admitted_through = ${through + admit}, credit = ${Math.max(0, credit)}, credit_at = now()
      where concert_id = ${concertId}`);
    return admit;
  });
}
