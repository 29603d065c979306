import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { statusAt, type ConcertInventory, type SeatChange } from './seats.inventory.js';
import type { SeatStatus } from './seats.schemas.js';

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

const STATE_JSON = {
  available: '"isBooked":false,"status":"available"}',
  held: '"isBooked":false,"status":"held"}',
  booked: '"isBooked":true,"status":"booked"}',
} as const;

/** The map's JSON straight from the inventory: each seat's fixed part was built once, only its state is added. */
export function renderSeatMap(inventory: ConcertInventory, now: number): RenderedSeatMap {
  const parts: string[] = [];
  const statuses: SeatStatus[] = [];
  for (const seat of inventory.all) {
    const status = statusAt(seat, now);
    statuses.push(status);
    parts.push(seat.json + STATE_JSON[status]);
  }
  const counts = inventory.counts(now);
  const json = Buffer.from(
    `{"seats":[${parts.join(',')}],"totalSeats":${counts.totalSeats},"availableSeats":${counts.availableSeats},` +
      `"bookedSeats":${counts.bookedSeats},"heldSeats":${counts.heldSeats}}`,
  );
  const forms = new Map<Encoding, Promise<Buffer>>([['identity', Promise.resolve(json)]]);
  return {
    etag: `"seats-${inventory.concertId}-${inventory.version(now)}"`,
    json,
    statuses,
    inventory,
    encoded(encoding) {
      let form = forms.get(encoding);
      if (!form) {
        form =
          encoding === 'br'
            ? brotli(json, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 4 } })
            : gzip(json, { level: 5 });
        forms.set(encoding, form);
      }
      return form;
    },
  };
}

/** Maps up to this many seats are rendered for every change; larger ones at most every MIN_REBUILD_MS. */
const ALWAYS_FRESH_SEATS = 5_000;
const MIN_REBUILD_MS = 250;

interface Cached {
  map: RenderedSeatMap;
  version: string;
  builtAt: number;
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
  /** A crowd opening streams at once shares one comparison. */
  private lastDiff: { key: string; changes: SeatChange[] } | undefined;

  constructor(private readonly maxMaps = 32) {}

  async get(inventory: ConcertInventory): Promise<RenderedSeatMap> {
    const now = Date.now();
    const version = inventory.version(now);
    const hit = this.cache.get(inventory.concertId);
    if (hit && hit.version === version) return hit.map;
    if (!hit || inventory.seats.size <= ALWAYS_FRESH_SEATS) {
      const map = renderSeatMap(inventory, now);
      if (!hit && inventory.seats.size > ALWAYS_FRESH_SEATS) await map.encoded('br');
      this.remember(inventory.concertId, { map, version, builtAt: now });
      return map;
    }
    if (!hit.next && now - hit.builtAt >= MIN_REBUILD_MS) {
      const map = renderSeatMap(inventory, now);
      hit.next = Promise.all([map.encoded('br'), map.encoded('gzip')]).then(
        () => this.remember(inventory.concertId, { map, version, builtAt: now }),
        () => (hit.next = undefined),
      );
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

  private remember(concertId: string, entry: Cached) {
    this.cache.delete(concertId);
    this.cache.set(concertId, entry);
    if (this.cache.size > this.maxMaps) this.cache.delete(this.cache.keys().next().value as string);
  }
}
