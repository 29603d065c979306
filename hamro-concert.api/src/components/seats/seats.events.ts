import { randomBytes } from 'node:crypto';
import type { Response } from 'express';
import { AppError } from '../../http/errors.js';
import type { InventoryEvent, SeatInventories } from './seats.feed.js';
import type { ConcertInventory } from './seats.inventory.js';
import type { SeatMapCache } from './seats.map.js';
import type { SeatStatus } from 'hamro-concert.contracts';

export interface SeatEventSettings {
  /** Open streams one instance serves at most (SEAT_EVENTS_MAX_SUBSCRIBERS); beyond it, 503. */
  maxSubscribers: number;
  /** Changes are gathered for this long and sent as one event. */
  batchMs: number;
  /** A comment line this often keeps proxies from closing a quiet stream. */
  heartbeatMs: number;
}

const STREAM_HEADERS = {
  'Content-Type': 'text/event-stream; charset=utf-8',
  'Cache-Control': 'no-cache, no-transform',
  Connection: 'keep-alive',
  'X-Accel-Buffering': 'no',
};

/** Events kept per concert so a client that reconnects with Last-Event-ID misses nothing. */
const HISTORY = 256;
/** How long a channel that lost its last subscriber keeps its history for a reconnect. */
const CHANNEL_GRACE_MS = 30_000;

/**
 * Subscribers written to per turn of the event loop. Each write to a socket is a system call; done
 * for thousands of subscribers at once it would stall bookings and map reads for a long time, so a
 * batch reaches its subscribers in slices with other work in between.
 */
const SUBSCRIBERS_PER_TURN = 250;

interface SentEvent {
  seq: number;
  text: string;
}

/** Bytes on their way to a channel's subscribers, who were subscribed when they were sent. */
interface Delivery {
  bytes: Buffer;
  to: Response[];
  next: number;
}

/** One concert's live stream in this instance: its subscribers, the changes gathered, the recent events. */
class Channel {
  readonly subscribers = new Set<Response>();
  private pending = new Map<number, SeatStatus>();
  private pendingReset: 'layout-changed' | 'concert-removed' | undefined;
  /** The map's version after the newest change heard. */
  private version = '';
  private readonly history: SentEvent[] = [];
  private seq = 0;
  private timer: NodeJS.Timeout | undefined;
  /** Deliveries in the order they were sent; the first is being written. */
  private readonly deliveries: Delivery[] = [];
  private readonly unsubscribe: () => void;

  constructor(
    readonly concertId: string,
    private readonly instance: string,
    inventories: SeatInventories,
    private readonly batchMs: number,
  ) {
    this.unsubscribe = inventories.subscribe(concertId, (event) => this.hear(event));
  }

  eventId(seq = this.seq): string {
    return `${this.instance}.${seq}`;
  }

  private hear(event: InventoryEvent) {
    if (event.kind === 'changes') {
      for (const change of event.changes) this.pending.set(change.id, change.status);
      this.version = event.version;
    } else this.pendingReset = event.kind === 'gone' ? 'concert-removed' : 'layout-changed';
    this.timer ??= setTimeout(() => this.flush(), this.batchMs);
  }

  private flush() {
    this.timer = undefined;
    const reset = this.pendingReset;
    const changes = [...this.pending].map(([id, status]) => ({ id, status }));
    this.pending = new Map();
    this.pendingReset = undefined;
    if (reset) return this.send('refetch', { reason: reset });
    if (changes.length > 0) this.send('seats', { version: this.version, changes });
  }

  private send(event: string, data: unknown) {
    const seq = ++this.seq;
    const text = `id: ${this.eventId(seq)}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`;
    this.history.push({ seq, text });
    if (this.history.length > HISTORY) this.history.shift();
    this.deliver(text);
  }

  /**
   * Writes `text` to everyone subscribed now, a slice per turn of the event loop, after what was sent
   * before it. Someone who subscribes meanwhile started from a state that already includes it.
   */
  private deliver(text: string) {
    if (this.subscribers.size === 0) return;
    this.deliveries.push({ bytes: Buffer.from(text), to: [...this.subscribers], next: 0 });
    if (this.deliveries.length === 1) this.writeSlice();
  }

  private writeSlice = () => {
    const delivery = this.deliveries[0];
    if (!delivery) return;
    const end = Math.min(delivery.to.length, delivery.next + SUBSCRIBERS_PER_TURN);
    for (let i = delivery.next; i < end; i++) {
      const res = delivery.to[i]!;
      if (!res.writableEnded && !res.destroyed) res.write(delivery.bytes);
    }
    delivery.next = end;
    if (end === delivery.to.length) this.deliveries.shift();
    if (this.deliveries.length > 0) setImmediate(this.writeSlice);
  };

  /** The events after `lastEventId`, if this channel still has all of them; undefined otherwise. */
  since(lastEventId: string): string[] | undefined {
    const [instance, seqText] = lastEventId.split('.');
    const seq = Number(seqText);
    if (instance !== this.instance || !Number.isInteger(seq) || seq > this.seq) return undefined;
    const oldest = this.history[0]?.seq ?? this.seq + 1;
    if (seq < oldest - 1) return undefined;
    return this.history.filter((event) => event.seq > seq).map((event) => event.text);
  }

  heartbeat() {
    this.deliver(': keep-alive\n\n');
  }

  private closing: NodeJS.Timeout | undefined;

  /** Someone listens again: the channel stays. */
  keep() {
    clearTimeout(this.closing);
    this.closing = undefined;
  }

  closeLater(ms: number, closed: () => void) {
    this.closing = setTimeout(() => {
      this.close();
      closed();
    }, ms);
    this.closing.unref();
  }

  close() {
    clearTimeout(this.timer);
    clearTimeout(this.closing);
    this.deliveries.length = 0;
    this.unsubscribe();
  }
}

/**
 * Live seat changes over Server-Sent Events (GET /concerts/:id/seats/events). Every change this
 * instance's inventory takes in, from its own writes or through the feed from any other instance,
 * is gathered per concert and sent to that concert's subscribers as one event per batch window.
 */
export class SeatEventStreams {
  private readonly channels = new Map<string, Channel>();
  private readonly instance = randomBytes(4).toString('hex');
  private readonly heartbeats: NodeJS.Timeout;
  private subscribers = 0;

  constructor(
    private readonly inventories: SeatInventories,
    private readonly maps: SeatMapCache,
    private readonly settings: SeatEventSettings,
  ) {
    this.heartbeats = setInterval(() => {
      for (const channel of this.channels.values()) channel.heartbeat();
    }, settings.heartbeatMs);
    this.heartbeats.unref();
  }

  /** Live streams open on this instance. */
  get subscriberCount(): number {
    return this.subscribers;
  }

  /** Refuses with 503 when this instance already serves as many streams as it may. */
  private assertRoom() {
    if (this.subscribers >= this.settings.maxSubscribers) {
      throw new AppError(
        503,
        'too-many-subscribers',
        'This server is already streaming live seat changes to as many buyers as it can; poll the seat map or retry.',
        { limit: this.settings.maxSubscribers },
        { 'Retry-After': '5' },
      );
    }
  }

  /** Streams a concert's changes to `res` until the client goes away. */
  open(inventory: ConcertInventory, res: Response, lastEventId: string | undefined) {
    this.assertRoom();
    const channel = this.channelOf(inventory.concertId);
    res.writeHead(200, STREAM_HEADERS);
    res.write('retry: 2000\n\n');
    const missed = lastEventId === undefined ? undefined : channel.since(lastEventId);
    if (missed) {
      for (const text of missed) res.write(text);
    } else {
      const changes = lastEventId === undefined ? this.maps.changesSinceLatest(inventory) : undefined;
      const event = changes ? 'ready' : 'refetch';
      const data = changes
        ? { version: inventory.version(Date.now()), changes }
        : { reason: lastEventId === undefined ? 'layout-changed' : 'resume-unavailable' };
      res.write(`id: ${channel.eventId()}\nevent: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
    }
    channel.subscribers.add(res);
    this.subscribers++;
    channel.keep();
    res.on('close', () => {
      if (!channel.subscribers.delete(res)) return;
      this.subscribers--;
      // Kept a while with nobody listening, so a client that reconnects resumes where it was.
      if (channel.subscribers.size === 0) {
        channel.closeLater(CHANNEL_GRACE_MS, () => {
          if (this.channels.get(inventory.concertId) === channel) this.channels.delete(inventory.concertId);
        });
      }
    });
  }

  /** A HEAD of the stream: the headers a GET would start with, and the end, without subscribing. */
  head(res: Response) {
    this.assertRoom();
    res.writeHead(200, STREAM_HEADERS).end();
  }

  private channelOf(concertId: string): Channel {
    let channel = this.channels.get(concertId);
    if (!channel) {
      channel = new Channel(concertId, this.instance, this.inventories, this.settings.batchMs);
      this.channels.set(concertId, channel);
    }
    return channel;
  }

  /** Ends every stream, for shutdown; clients reconnect elsewhere with Last-Event-ID. */
  close() {
    clearInterval(this.heartbeats);
    for (const channel of this.channels.values()) {
      // A short retry hint: the client reconnects at once, to an instance that is still serving.
      for (const res of channel.subscribers) res.end('retry: 250\n\n');
      channel.close();
    }
    this.channels.clear();
  }
}
