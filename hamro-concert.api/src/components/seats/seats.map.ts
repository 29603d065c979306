import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { statusAt, type ConcertInventory, type SeatChange } from './seats.inventory.js';
import type { SeatStatus } from 'hamro-concert.contracts';

const gzip = promisify(zlib.gzip);
const brotli = promisify(zlib.brotliCompress);

export type Encoding = 'br' | 'gzip' | 'identity';

/** A seat map rendered once per version: the JSON and, on first demand, its compressed forms. */
export interface RenderedSeatMap {
  etag: string;
  json: Buffer;
  /** What it shows of each seat, in the inventory's map order; to tell a client what changed since. */
  statuses: SeatStatus[];
  inventory: ConcertInventory;
  encoded(encoding: Encoding): Promise<Buffer>;
}

/** A seat's state in the map's JSON, all of one length (JSON allows the padding), so it can be rewritten in place. */
const STATE_JSON = (() => {
  const states = {
    available: '"isBooked":false,"status":"available"',
    held: '"isBooked":false,"status":"held"',
    booked: '"isBooked":true,"status":"booked"',
  };
  const width = Math.max(...Object.values(states).map((text) => text.length));
  const pad = (text: string) => Buffer.from(`${text.padEnd(width)}}`);
  return { available: pad(states.available), held: pad(states.held), booked: pad(states.booked) };
})();

/** The `seats` array of a concert's map as bytes, kept per inventory and brought up to date in place. */
interface SeatsJson {
  body: Buffer;
  /** Where each seat's state starts in `body`, in map order. */
  offsets: number[];
  statuses: SeatStatus[];
}

const seatsJsonOf = new WeakMap<ConcertInventory, SeatsJson>();

function currentSeatsJson(inventory: ConcertInventory, now: number): SeatsJson {
  let json = seatsJsonOf.get(inventory);
  if (!json) {
    const chunks: Buffer[] = [Buffer.from('{"seats":[')];
    const offsets: number[] = [];
    const statuses: SeatStatus[] = [];
    let length = chunks[0]!.length;
    inventory.all.forEach((seat, i) => {
      const head = Buffer.from(`${i === 0 ? '' : ','}${seat.json}`);
      const status = statusAt(seat, now);
      chunks.push(head, STATE_JSON[status]);
      offsets.push(length + head.length);
      statuses.push(status);
      length += head.length + STATE_JSON[status].length;
    });
    json = { body: Buffer.concat(chunks), offsets, statuses };
    seatsJsonOf.set(inventory, json);
    inventory.takeChanged();
    return json;
  }
  for (const seat of inventory.takeChanged()) {
    const i = seat.index!;
    const status = statusAt(seat, now);
    if (json.statuses[i] === status) continue;
    json.statuses[i] = status;
    STATE_JSON[status].copy(json.body, json.offsets[i]!);
  }
  return json;
}

/**
 * The map's JSON straight from the inventory. Each seat's bytes were laid out once; a rendering
 * rewrites in place the state of the seats that changed since the last one (and of held seats, whose
 * hold may have ended) and copies the result, so even a stadium's map renders in a few milliseconds.
 */
export function renderSeatMap(inventory: ConcertInventory, now: number): RenderedSeatMap {
  const seats = currentSeatsJson(inventory, now);
  const counts = inventory.counts(now);
  const json = Buffer.concat([
    seats.body,
    Buffer.from(
      `],"totalSeats":${counts.totalSeats},"availableSeats":${counts.availableSeats},` +
        `"bookedSeats":${counts.bookedSeats},"heldSeats":${counts.heldSeats}}`,
    ),
  ]);
  const forms = new Map<Encoding, Promise<Buffer>>([['identity', Promise.resolve(json)]]);
  return {
    etag: `"seats-${inventory.concertId}-${inventory.version(now)}"`,
    json,
    statuses: [...seats.statuses],
    inventory,
    encoded(encoding) {
      let form = forms.get(encoding);
      if (!form) {
        form =
          encoding === 'br'
            ? brotli(json, {
                params: {
                  [zlib.constants.BROTLI_PARAM_QUALITY]: 4,
                  [zlib.constants.BROTLI_PARAM_SIZE_HINT]: json.length,
                },
              })
            : gzip(json, { level: 5 });
        forms.set(encoding, form);
      }
      return form;
    },
  };
}

/** A stadium's map (see ConcertInventory.isStadium) is rendered at most this often; a hall's at every change. */
const MIN_REBUILD_MS = 250;
/** The first reader after a quiet spell this long waits for a fresh map instead of getting an old one. */
const MAX_STALE_MS = 1_000;

interface Cached {
  map: RenderedSeatMap;
  version: string;
  builtAt: number;
  /** When a reader was last given this concert's map. */
  readAt: number;
  /** A newer rendering being compressed; readers keep the current one until it is ready. */
  next?: Promise<void>;
}

/**
 * Rendered seat maps per concert, rebuilt from the inventory when its version moves on. A stadium's
 * map is megabytes of JSON, so it is rebuilt at most a few times a second however many seats change,
 * and compressed before it replaces the previous one: in between, readers get the last rendering with
 * its own ETag (the live stream carries the changes since). A small hall's map is cheap and always current.
 */
export class SeatMapCache {
  private readonly cache = new Map<string, Cached>();
  /** The compressed forms readers have asked for lately: only those are made ahead of them. */
  private readonly wanted = new Map<Encoding, number>([['br', 0]]);
  /** A crowd opening streams at once shares one comparison. */
  private lastDiff: { key: string; changes: SeatChange[] } | undefined;

  constructor(private readonly maxMaps = 32) {}

  async get(inventory: ConcertInventory): Promise<RenderedSeatMap> {
    const now = Date.now();
    const version = inventory.version(now);
    const hit = this.cache.get(inventory.concertId);
    const lastRead = hit?.readAt ?? 0;
    if (hit) hit.readAt = now;
    if (hit && hit.version === version) return hit.map;
    if (!hit || !inventory.isStadium) {
      const map = renderSeatMap(inventory, now);
      if (!hit && inventory.isStadium) await this.compressAhead(map);
      this.remember(inventory.concertId, { map, version, builtAt: now, readAt: now });
      return map;
    }
    if (!hit.next && now - hit.builtAt >= MIN_REBUILD_MS) {
      const map = renderSeatMap(inventory, now);
      // The compressed forms readers use are made before the new map replaces the old, so no reader waits for them.
      const next = this.compressAhead(map).then(
        () => this.remember(inventory.concertId, { map, version, builtAt: now, readAt: now }),
        () => (hit.next = undefined),
      );
      hit.next = next;
      // The first reader after a quiet spell waits for the fresh map rather than get an old one;
      // while changes keep coming, readers get the last map without waiting.
      if (now - lastRead > MAX_STALE_MS) {
        await next;
        return this.cache.get(inventory.concertId)?.map ?? map;
      }
    }
    return hit.map;
  }

  /**
   * The seats whose status differs now from the newest map readers can be given, so a client that
   * opens the live stream and then fetches the map can bring it up to date; undefined when the layout
   * changed since (the client must fetch the map again anyway).
   */
  changesSinceLatest(inventory: ConcertInventory): SeatChange[] | undefined {
    const latest = this.cache.get(inventory.concertId)?.map;
    if (!latest) return [];
    if (latest.inventory !== inventory) return undefined;
    const now = Date.now();
    const key = `${latest.etag}|${inventory.version(now)}`;
    if (this.lastDiff?.key === key) return this.lastDiff.changes;
    const changes: SeatChange[] = [];
    inventory.all.forEach((seat, i) => {
      const status = statusAt(seat, now);
      if (status !== latest.statuses[i]) changes.push({ id: seat.id, status });
    });
    this.lastDiff = { key, changes };
    return changes;
  }

  /** Notes which form a reader is given, so the next renderings are compressed that way ahead of time. */
  served(encoding: Encoding) {
    if (encoding !== 'identity') this.wanted.set(encoding, Date.now());
  }

  private compressAhead(map: RenderedSeatMap): Promise<unknown> {
    const recently = Date.now() - 60_000;
    const forms = [...this.wanted].filter(([, at]) => at === 0 || at > recently).map(([encoding]) => encoding);
    return Promise.all(forms.map((encoding) => map.encoded(encoding)));
  }

  private remember(concertId: string, entry: Cached) {
    this.cache.delete(concertId);
    this.cache.set(concertId, entry);
    if (this.cache.size > this.maxMaps) this.cache.delete(this.cache.keys().next().value as string);
  }
}
