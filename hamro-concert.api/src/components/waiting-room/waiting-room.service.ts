import type { Db } from '../../db/client.js';
import type { BrowserSessions } from '../../http/sessions.js';
import type { Signer } from '../../lib/signer.js';
import { assertConcertExists } from '../concerts/concerts.service.js';
import * as repository from './waiting-room.repository.js';
import type { Room, RoomSettings, Visit } from 'hamro-concert.contracts';
import { Repeat } from '../../lib/repeat.js';

/** What an admission pass proves: its holder was let in to this concert's sale (entry = place in line). */
export interface Admission {
  concertId: string;
  entryId: number;
}

/** What holds and bookings check a request against: its admission pass, and its browser session. */
export interface AdmissionDesk {
  rooms: WaitingRooms;
  sessions: BrowserSessions;
}

export interface WaitingRoomSettings {
  /** How often each instance looks for admissions due (WAITING_ROOM_TICK_MS). */
  tickMs: number;
  /** The most admissions saved up while no one could take them, in seconds of the rate. */
  burstSeconds: number;
}

interface TicketClaims {
  k: 'ticket';
  c: string;
  e: number;
}
interface PassClaims {
  k: 'pass';
  c: string;
  e: number;
  /** Good until, in ms since the epoch. */
  x: number;
}

/** Activity (a hold) keeps a pass alive for another pass length. */
export async function renewAdmission(db: Db, admission: Admission | undefined): Promise<void> {
  if (admission) await repository.renewPass(db, admission.entryId);
}

/** A booking made with a pass ends it: the visitor stops counting as shopping, and the next one gets in. */
export async function finishAdmission(db: Db, admission: Admission | undefined): Promise<void> {
  if (admission) await repository.finishPass(db, admission.entryId);
}

const clamp = (value: number, low: number, high: number) => Math.min(high, Math.max(low, Math.round(value)));
const iso = (date: Date | null) => date?.toISOString() ?? null;

function emptyVisit(concertId: string, state: Visit['state'], room?: repository.RoomRow): Visit {
  return {
    concertId,
    state,
    opensAt: iso(room?.opensAt ?? null),
    joinsFrom: iso(room ? joinsFrom(room) : null),
    ticket: null,
    pass: null,
    passExpiresAt: null,
    admittedAt: null,
    place: null,
    position: null,
    ahead: null,
    waiting: room?.waiting ?? 0,
    estimatedWaitSeconds: null,
    paused: room?.paused ?? false,
    // Without a room, asking again once a minute notices one turned on during the sale.
    pollAfterSeconds: !room
      ? 60
      : state === 'not-yet'
        ? clamp((joinsFrom(room).getTime() - Date.now()) / 4000, 2, 60)
        : 5,
  };
}

const joinsFrom = (room: repository.RoomRow) => new Date(room.opensAt.getTime() - room.joinSecondsBefore * 1000);

/**
 * The waiting rooms of on-sales. A visitor joins and gets a signed queue ticket; the admission ticks
 * (every instance runs them, one at a time per room through the room's row lock) give out places and
 * admit the next ones at the room's rate; an admitted visitor's status carries a signed admission
 * pass, which holds and bookings check by signature alone. Every decision is PostgreSQL's.
 */
export class WaitingRooms {
  readonly #ticks: Repeat;

  constructor(
    private readonly db: Db,
    private readonly signer: Signer,
    private readonly settings: WaitingRoomSettings,
    onTickError: (error: unknown) => void = () => {},
  ) {
    this.#ticks = new Repeat(settings.tickMs, () => this.tick(), onTickError);
  }

  /** Starts this instance's admission ticks. */
  start(): this {
    this.#ticks.start();
    return this;
  }

  stop(): void {
    void this.#ticks.stop();
  }

  /** Admits whoever is due in every open room; returns how many. */
  async tick(): Promise<number> {
    let admitted = 0;
    for (const concertId of await repository.openRooms(this.db)) {
      admitted += await repository.admitDue(this.db, concertId, this.settings.burstSeconds);
    }
    return admitted;
  }

  async #ticketOf(concertId: string, token: string | undefined): Promise<number | undefined> {
    const claims = token ? ((await this.signer.verify(token)) as TicketClaims | undefined) : undefined;
    return claims?.k === 'ticket' && claims.c === concertId && Number.isSafeInteger(claims.e) ? claims.e : undefined;
  }

  /** The admission an Admission-Pass header proves, if it is genuine and not expired. */
  async admissionOf(token: string | undefined): Promise<Admission | undefined> {
    if (!token) return undefined;
    const claims = (await this.signer.verify(token)) as PassClaims | undefined;
    if (claims?.k !== 'pass' || typeof claims.c !== 'string' || !Number.isSafeInteger(claims.e)) return undefined;
    return typeof claims.x === 'number' && claims.x > Date.now()
      ? { concertId: claims.c, entryId: claims.e }
      : undefined;
  }

  async #roomOrOff(concertId: string): Promise<repository.RoomRow | undefined> {
    const room = await repository.findRoom(this.db, concertId);
    if (!room) await assertConcertExists(this.db, concertId);
    return room?.enabled ? room : undefined;
  }

  /** Whether the concert's sale is behind its waiting room now (holding and booking need its pass). */
  async isOn(concertId: string): Promise<boolean> {
    return (await repository.findRoom(this.db, concertId))?.enabled ?? false;
  }

  /** Where the holder of this ticket stands; without a (valid) ticket, the room as anyone sees it. */
  async visit(concertId: string, ticket: string | undefined): Promise<Visit> {
    const entryId = await this.#ticketOf(concertId, ticket);
    const entry = entryId === undefined ? undefined : await repository.findEntry(this.db, concertId, entryId);
    const room = await this.#roomOrOff(concertId);
    if (!room) return emptyVisit(concertId, 'off');
    if (!entry || !ticket)
      return emptyVisit(concertId, Date.now() < joinsFrom(room).getTime() ? 'not-yet' : 'joinable', room);
    return this.#visitOf(room, entry, ticket);
  }

  /**
   * Joins the room, or keeps the place of a visitor who already has one: by the ticket, or by the
   * browser session, which holds one place per room (so a client that joins again without its
   * ticket gets the same place, not another). `session` names the visitor's session, proven as the
   * room asks; it is only called when a place is to be found or given.
   */
  async join(
    concertId: string,
    ticket: string | undefined,
    session: () => Promise<string>,
  ): Promise<{ visit: Visit; joined: boolean }> {
    const current = await this.visit(concertId, ticket);
    if (current.state !== 'joinable' && current.state !== 'expired') return { visit: current, joined: false };
    const sessionId = await session();
    const held = await repository.liveEntryOfSession(this.db, concertId, sessionId);
    if (held !== undefined)
      return { visit: await this.visit(concertId, await this.#ticketFor(concertId, held)), joined: false };
    let entry: { id: number } | undefined;
    try {
      entry = await repository.joinRoom(this.db, concertId, sessionId);
    } catch (error) {
      // The same session joining twice at once (a unique violation): the other join took the place,
      // which is this one's too.
      if ((error as { code?: unknown }).code !== '23505') throw error;
      const taken = await repository.liveEntryOfSession(this.db, concertId, sessionId);
      if (taken === undefined) throw error;
      return { visit: await this.visit(concertId, await this.#ticketFor(concertId, taken)), joined: false };
    }
    if (!entry) return { visit: await this.visit(concertId, undefined), joined: false };
    return { visit: await this.visit(concertId, await this.#ticketFor(concertId, entry.id)), joined: true };
  }

  #ticketFor(concertId: string, entryId: number): Promise<string> {
    return this.signer.sign({ k: 'ticket', c: concertId, e: entryId } satisfies TicketClaims);
  }

  async #visitOf(room: repository.RoomRow, entry: repository.EntryRow, ticket: string): Promise<Visit> {
    const visit = { ...emptyVisit(room.concertId, 'waiting', room), ticket, place: entry.place };
    if (entry.admittedAt) {
      if (!entry.passLive || entry.done || !entry.passExpiresAt) {
        return { ...visit, state: 'expired', admittedAt: iso(entry.admittedAt), pollAfterSeconds: 60 };
      }
      const claims: PassClaims = { k: 'pass', c: room.concertId, e: entry.id, x: entry.passExpiresAt.getTime() };
      return {
        ...visit,
        state: 'admitted',
        pass: await this.signer.sign(claims),
        passExpiresAt: iso(entry.passExpiresAt),
        admittedAt: iso(entry.admittedAt),
        position: 0,
        ahead: 0,
        pollAfterSeconds: 60,
      };
    }
    if (entry.place === null) {
      // Before the draw: no position yet. Come back after the opening, spread over a few seconds, so the
      // whole room does not ask in the same second.
      const untilOpening = (room.opensAt.getTime() - Date.now()) / 1000;
      return { ...visit, pollAfterSeconds: clamp(untilOpening + 1 + Math.random() * 4, 1, 30) };
    }
    const position = Math.max(1, entry.place - room.admittedThrough);
    const estimatedWaitSeconds = room.paused ? null : Math.ceil((position / room.admitPerMinute) * 60);
    return {
      ...visit,
      position,
      ahead: position - 1,
      estimatedWaitSeconds,
      pollAfterSeconds: clamp((estimatedWaitSeconds ?? 60) / 4, 1, 30),
    };
  }

  /** The room as its organizer sees it: settings and live figures. */
  async room(concertId: string): Promise<Room> {
    const room = await repository.findRoom(this.db, concertId);
    if (!room) {
      await assertConcertExists(this.db, concertId);
      return {
        concertId,
        enabled: false,
        admitPerMinute: 300,
        maxShopping: 1000,
        paused: false,
        joinMinutesBefore: 15,
        passMinutes: 15,
        opensAt: new Date().toISOString(),
        joinsFrom: new Date().toISOString(),
        waiting: 0,
        shopping: 0,
        admitted: 0,
        admittedLastMinute: 0,
      };
    }
    const activity = await repository.roomActivity(this.db, concertId);
    return {
      concertId,
      enabled: room.enabled,
      admitPerMinute: room.admitPerMinute,
      maxShopping: room.maxShopping,
      paused: room.paused,
      joinMinutesBefore: Math.round(room.joinSecondsBefore / 60),
      passMinutes: Math.round(room.passSeconds / 60),
      opensAt: room.opensAt.toISOString(),
      joinsFrom: joinsFrom(room).toISOString(),
      waiting: room.waiting,
      shopping: activity.shopping,
      admitted: room.admittedThrough,
      admittedLastMinute: activity.admittedLastMinute,
    };
  }

  /** Turns the room on or off, or changes its rates, also during the sale. */
  async configure(concertId: string, settings: RoomSettings): Promise<Room> {
    await assertConcertExists(this.db, concertId);
    await repository.saveRoom(this.db, concertId, {
      enabled: settings.enabled,
      admitPerMinute: settings.admitPerMinute,
      maxShopping: settings.maxShopping,
      paused: settings.paused,
      joinSecondsBefore: settings.joinMinutesBefore * 60,
      passSeconds: settings.passMinutes * 60,
    });
    return this.room(concertId);
  }
}
