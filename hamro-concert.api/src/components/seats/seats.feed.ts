import { drizzle } from 'drizzle-orm/node-postgres';
import type pg from 'pg';
import type { Logger } from 'pino';
import type { Db, Executor } from '../../db/client.js';
import { ConcertInventory, type SeatChange, type SeatState } from './seats.inventory.js';
import type { FreedSeat } from './seats.state.js';
import * as repository from './seats.repository.js';

/** What subscribers of a concert hear: seats whose status changed, or that the layout itself changed. */
export type InventoryEvent =
  | { kind: 'changes'; changes: SeatChange[]; /** The map's version after them. */ version: string }
  /** Seats were added or removed: a client should fetch the map again. */
  | { kind: 'layout' }
  /** The concert no longer exists. */
  | { kind: 'gone' };

export type InventoryListener = (event: InventoryEvent) => void;

export interface SeatFeedOptions {
  /** The pool, for loading a concert's seats. */
  db: Db;
  /** A connection of the feed's own, outside the pool, so a busy pool never stalls the feed. */
  connect: () => pg.Client;
  logger: Logger;
  /** How often the feed reads the change log (SEAT_FEED_POLL_MS). */
  pollMs?: number;
  /** How many concerts' inventories an instance keeps in memory at most. */
  maxConcerts?: number;
  /** An inventory nobody has used or watched for this long is dropped. */
  idleMs?: number;
}

const RECONNECT_MS = [100, 250, 500, 1000, 2000];
/** The longest a reader waits for the feed to catch up before it is answered from the inventory as it is. */
const REFRESH_WAIT_MS = 1_000;

/**
 * Each instance's seat-change feed and the inventories it keeps up to date. PostgreSQL is the
 * source and the transport: every statement that changes a seat stamps it with its transaction
 * (`change_xid`), and the feed reads, every few milliseconds on a connection of its own, the seats
 * whose transactions have committed since its last read (by snapshot, so commit order is what
 * counts, not the order numbers were taken in), as they are now. Seats added or removed raise the
 * concert's layout version, which the same read sees, and the concert is then loaded whole. A lost connection
 * or a restarted database ends in a reconnect and a reload of every inventory from the seats table,
 * logged; nothing is missed because nothing is trusted that was not read after the reconnect.
 *
 * Reads of the log and loads of inventories run one after another, so a load never sees an older
 * state than the feed has already applied.
 */
export class SeatInventories {
  private readonly loaded = new Map<string, { inventory: ConcertInventory; usedAt: number }>();
  private readonly loading = new Map<string, Promise<ConcertInventory | undefined>>();
  private readonly listeners = new Map<string, Set<InventoryListener>>();
  private queue: Promise<unknown> = Promise.resolve();
  private client: pg.Client | undefined;
  private feedDb: Executor | undefined;
  private snapshot: string | undefined;
  private refreshWaiters: (() => void)[] = [];
  private wake: (() => void) | undefined;
  private running: Promise<void> | undefined;
  private stopped = false;
  private everConnected = false;
  /** Whether the feed is reading changes right now. */
  connected = false;

  private readonly pollMs: number;
  private readonly maxConcerts: number;
  private readonly idleMs: number;

  constructor(private readonly options: SeatFeedOptions) {
    this.pollMs = options.pollMs ?? 10;
    this.maxConcerts = options.maxConcerts ?? 64;
    this.idleMs = options.idleMs ?? 10 * 60_000;
  }

  start(): this {
    this.running ??= this.run();
    return this;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.wake?.();
    await this.running;
    await this.queue.catch(() => undefined);
    await this.disconnect();
    for (const resolve of this.refreshWaiters.splice(0)) resolve();
  }

  /** A concert's inventory, loaded from the database on first use; undefined if there is no such concert. */
  async get(concertId: string): Promise<ConcertInventory | undefined> {
    const entry = this.loaded.get(concertId);
    if (entry) {
      entry.usedAt = Date.now();
      return entry.inventory;
    }
    let loading = this.loading.get(concertId);
    if (!loading) {
      loading = this.serially(async () => {
        const inventory = await this.fetch(concertId, this.options.db);
        if (inventory) this.keep(inventory);
        return inventory;
      }).finally(() => this.loading.delete(concertId));
      this.loading.set(concertId, loading);
    }
    return loading;
  }

  /** A concert's inventory if this instance keeps it in memory now; never loads one. */
  loadedInventory(concertId: string): ConcertInventory | undefined {
    return this.loaded.get(concertId)?.inventory;
  }

  /** Hears every change of a concert's seats this instance learns of; returns the unsubscribe. */
  subscribe(concertId: string, listener: InventoryListener): () => void {
    const set = this.listeners.get(concertId) ?? new Set();
    set.add(listener);
    this.listeners.set(concertId, set);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.listeners.get(concertId) === set) this.listeners.delete(concertId);
    };
  }

  /**
   * Takes in seats this instance has just written, as the committed statement returned them, so its
   * own buyers see their change at once; the feed reports the same states again later, harmlessly.
   */
  applyCommitted(concertId: string, states: SeatState[]): void {
    const inventory = this.loadedInventory(concertId);
    if (inventory) this.applyTo(inventory, states);
  }

  /**
   * Takes in seats a cancellation, a release or the end of payment windows of this instance has just
   * freed; one statement may free seats of several concerts (the reconciler ends many windows at once).
   */
  applyFreed(freed: FreedSeat[]): void {
    this.applyHolders(freed, false);
  }

  /** Takes in seats a booking (or a payment that came after its window) of this instance has just taken. */
  applyBooked(taken: FreedSeat[]): void {
    this.applyHolders(taken, true);
  }

  private applyHolders(seats: FreedSeat[], booked: boolean): void {
    const byConcert = new Map<string, SeatState[]>();
    for (const seat of seats) {
      const states = byConcert.get(seat.concertId) ?? [];
      states.push({ id: seat.id, booked, heldUntil: 0, seq: seat.changeSeq });
      byConcert.set(seat.concertId, states);
    }
    for (const [concertId, states] of byConcert) this.applyCommitted(concertId, states);
  }

  /**
   * Resolves once the feed has read every change committed before this call, or after at most
   * REFRESH_WAIT_MS if the database is slow to answer: a reader then gets what the inventory has.
   */
  refresh(): Promise<void> {
    if (!this.connected || this.stopped) return Promise.resolve();
    return new Promise((resolve) => {
      const timer = setTimeout(done, REFRESH_WAIT_MS);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      this.refreshWaiters.push(done);
      this.wake?.();
    });
  }

  private serially<T>(task: () => Promise<T>): Promise<T> {
    const run = this.queue.then(task, task);
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** A concert's seats as the database has them now; undefined if there is no such concert. */
  private async fetch(concertId: string, db: Executor): Promise<ConcertInventory | undefined> {
    const data = await repository.loadConcertSeats(db, concertId);
    return data && new ConcertInventory(concertId, data.layoutVersion, data.seats);
  }

  private keep(inventory: ConcertInventory) {
    const usedAt = this.loaded.get(inventory.concertId)?.usedAt ?? Date.now();
    this.loaded.set(inventory.concertId, { inventory, usedAt });
    this.evict();
  }

  private evict() {
    const now = Date.now();
    for (const [id, entry] of this.loaded) {
      const idle = now - entry.usedAt > this.idleMs && !this.listeners.has(id);
      if (idle || this.loaded.size > this.maxConcerts) this.loaded.delete(id);
    }
  }

  private emit(concertId: string, event: InventoryEvent) {
    for (const listener of this.listeners.get(concertId) ?? []) listener(event);
  }

  /** Applies committed states (and holds that have ended, `expired`) and tells subscribers what changed. */
  private applyTo(inventory: ConcertInventory, states: SeatState[], expired: SeatChange[] = []) {
    const now = Date.now();
    const changes = [...expired];
    for (const state of states) {
      const status = inventory.apply(state, now);
      if (status) changes.push({ id: state.id, status });
    }
    if (changes.length > 0)
      this.emit(inventory.concertId, { kind: 'changes', changes, version: inventory.version(now) });
  }

  private async run() {
    let failures = 0;
    while (!this.stopped) {
      if (!this.connected) {
        try {
          await this.connect();
          failures = 0;
        } catch (error) {
          await this.disconnect();
          if (failures === 0)
            this.options.logger.warn({ err: error }, 'the seat feed cannot reach the database; retrying');
          await this.pause(RECONNECT_MS[Math.min(failures++, RECONNECT_MS.length - 1)]!);
          continue;
        }
      }
      const waiting = this.refreshWaiters.splice(0);
      try {
        await this.serially(() => this.readChanges());
      } catch (error) {
        if (!this.stopped)
          this.options.logger.warn({ err: error }, 'the seat feed lost its database connection; reconnecting');
        await this.disconnect();
      }
      for (const resolve of waiting) resolve();
      if (this.refreshWaiters.length === 0) await this.pause(this.pollMs);
    }
  }

  /** Waits `ms`, or less when refresh() or stop() wakes the loop. */
  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        if (this.wake === done) this.wake = undefined;
        resolve();
      };
      const timer = setTimeout(done, ms);
      this.wake = done;
    });
  }

  private async connect() {
    const client = this.options.connect();
    this.client = client;
    client.on('error', () => {
      // Reported by the next read, which fails and reconnects.
    });
    await client.connect();
    this.feedDb = drizzle(client);
    const reconnect = this.everConnected;
    await this.serially(() => this.resync(reconnect ? 'a lost connection' : undefined));
    this.connected = true;
    this.everConnected = true;
  }

  private async disconnect() {
    this.connected = false;
    const client = this.client;
    this.client = undefined;
    this.feedDb = undefined;
    await client?.end().catch(() => undefined);
  }

  /** Starts reading from now and reloads every inventory, so nothing from before is trusted. */
  private async resync(reason: string | undefined) {
    const db = this.feedDb!;
    this.snapshot = await repository.currentSnapshot(db);
    let concerts = 0;
    for (const [concertId, entry] of [...this.loaded]) {
      await this.reload(concertId, entry.inventory, db);
      concerts++;
    }
    if (reason) this.options.logger.info({ concerts }, `the seat feed caught up from the database after ${reason}`);
  }

  /**
   * Brings an inventory to the database's state and tells its subscribers what changed: with the same
   * layout (seats are only added or removed with a new layout version), the seats whose status moved
   * on; otherwise that the layout changed, or the concert is gone.
   */
  private async reload(concertId: string, previous: ConcertInventory, db: Executor) {
    const next = await this.fetch(concertId, db);
    if (!next) {
      this.loaded.delete(concertId);
      return this.emit(concertId, { kind: 'gone' });
    }
    if (next.layoutVersion === previous.layoutVersion) return this.applyTo(previous, [...next.seats.values()]);
    this.keep(next);
    this.emit(concertId, { kind: 'layout' });
  }

  private async readChanges() {
    const db = this.feedDb;
    if (!db || !this.snapshot) throw new Error('the seat feed has no connection');
    const { snapshot, seats, layouts } = await repository.readSeatChangesSince(db, this.snapshot, [
      ...this.loaded.keys(),
    ]);
    this.snapshot = snapshot;
    const byConcert = new Map<string, SeatState[]>();
    for (const seat of seats) {
      const list = byConcert.get(seat.concertId);
      if (list) list.push(seat);
      else byConcert.set(seat.concertId, [seat]);
    }
    const now = Date.now();
    for (const [concertId, entry] of [...this.loaded]) {
      const inventory = entry.inventory;
      // Seats added or removed, or the concert deleted: its layout moved on, so it is read again whole.
      if (layouts.get(concertId) !== inventory.layoutVersion) {
        await this.reload(concertId, inventory, db);
        continue;
      }
      this.applyTo(inventory, byConcert.get(concertId) ?? [], inventory.takeExpired(now));
    }
    this.evict();
  }
}
