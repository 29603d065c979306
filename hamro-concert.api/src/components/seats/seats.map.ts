import { promisify } from 'node:util';
import zlib from 'node:zlib';
import { assembleGzip, deflatePart, type GzipPart } from '../../lib/gzip-parts.js';
import { statusAt, type ConcertInventory, type SeatChange } from './seats.inventory.js';
import type { SeatStatus } from 'hamro-concert.contracts';

const brotli = promisify(zlib.brotliCompress);

/** A seat map as it stood at one moment: its version, and its JSON plain or compressed. */
export interface RenderedSeatMap {
  version: string;
  etag: string;
  inventory: ConcertInventory;
  /** The JSON as gzip (its changed parts compressed on first asking), and plain: call either in the same turn as the rendering, before the map can move on. */
  gzip(): Buffer;
  json(): Buffer;
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

/**
 * How much of the map's JSON is compressed as one part. A change recompresses its part alone (about
 * a tenth of a millisecond here); smaller parts would compress worse, as each starts without the
 * repetitions of the one before it.
 */
const PART_BYTES = 32 * 1024;
const LEVEL = 6;

/** The `seats` array of a concert's map as bytes, kept per inventory and brought up to date in place. */
interface SeatsJson {
  body: Buffer;
  /** Where each seat's state starts in `body`, in map order. */
  offsets: number[];
  statuses: SeatStatus[];
  /** Part k is body[bounds[k], bounds[k + 1]); every part ends at a seat's end. */
  bounds: number[];
  /** The part each seat's state lies in, in map order. */
  partOf: Uint32Array;
  parts: (GzipPart | undefined)[];
}

const seatsJsonOf = new WeakMap<ConcertInventory, SeatsJson>();

function layOut(inventory: ConcertInventory, now: number): SeatsJson {
  const chunks: Buffer[] = [Buffer.from('{"seats":[')];
  const offsets: number[] = [];
  const statuses: SeatStatus[] = [];
  const bounds = [0];
  const partOf = new Uint32Array(inventory.all.length);
  let length = chunks[0]!.length;
  inventory.all.forEach((seat, i) => {
    const head = Buffer.from(`${i === 0 ? '' : ','}${seat.json}`);
    const status = statusAt(seat, now);
    chunks.push(head, STATE_JSON[status]);
    offsets.push(length + head.length);
    statuses.push(status);
    partOf[i] = bounds.length - 1;
    length += head.length + STATE_JSON[status].length;
    if (length - bounds.at(-1)! >= PART_BYTES) bounds.push(length);
  });
  if (bounds.at(-1) !== length) bounds.push(length);
  inventory.takeChanged();
  return { body: Buffer.concat(chunks), offsets, statuses, bounds, partOf, parts: [] };
}

/** The seats' JSON as the inventory stands now: only the seats that changed since are rewritten. */
function currentSeatsJson(inventory: ConcertInventory, now: number): SeatsJson {
  let json = seatsJsonOf.get(inventory);
  if (!json) {
    json = layOut(inventory, now);
    seatsJsonOf.set(inventory, json);
    return json;
  }
  for (const seat of inventory.takeChanged()) {
    const i = seat.index!;
    const status = statusAt(seat, now);
    if (json.statuses[i] === status) continue;
    json.statuses[i] = status;
    STATE_JSON[status].copy(json.body, json.offsets[i]!);
    json.parts[json.partOf[i]!] = undefined;
  }
  return json;
}

/**
 * The map's JSON straight from the inventory, as it is at `now`. Each seat's bytes were laid out
 * once; a rendering rewrites in place the state of the seats that changed since the last one (and of
 * held seats, whose hold may have ended) and compresses again only the parts those seats lie in, so
 * even a stadium's map takes a millisecond or two to render as it is now.
 */
export function renderSeatMap(inventory: ConcertInventory, now: number): RenderedSeatMap {
  const seats = currentSeatsJson(inventory, now);
  const counts = inventory.counts(now);
  const version = inventory.version(now);
  const tail = Buffer.from(
    `],"totalSeats":${counts.totalSeats},"availableSeats":${counts.availableSeats},` +
      `"bookedSeats":${counts.bookedSeats},"heldSeats":${counts.heldSeats},"version":"${version}"}`,
  );
  let gzip: Buffer | undefined;
  const compress = () => {
    const parts = seats.bounds.slice(1).map((end, k) => {
      const part = seats.parts[k] ?? deflatePart(seats.body.subarray(seats.bounds[k], end), LEVEL);
      seats.parts[k] = part;
      return part;
    });
    return assembleGzip(parts, tail, LEVEL);
  };
  return {
    version,
    etag: `"seats-${inventory.concertId}-${version}"`,
    inventory,
    gzip: () => (gzip ??= compress()),
    json: () => Buffer.concat([seats.body, tail]),
  };
}

/** A stadium's map compressed with brotli, less than half the size of the gzip, made in the background. */
interface Snapshot {
  version: string;
  etag: string;
  br: Buffer;
  /** What it shows of each seat, in the inventory's map order; to tell a client what changed since. */
  statuses: SeatStatus[];
  inventory: ConcertInventory;
  /** When its rendering was made (performance.now()): it holds every write applied before. */
  takenAt: number;
}

/** What a reader is sent: the bytes, how they are encoded, and which version of the map they are. */
export interface MapAnswer {
  version: string;
  etag: string;
  body: Buffer;
  encoding: 'br' | 'gzip' | 'identity';
}

export interface MapReader {
  /** The latest instant the reader wrote this concert's seats through this instance (0: not lately). */
  lastWrite: number;
  /** The reader asked for a map at least this new (and the inventory has caught up with it). */
  minVersion: string | undefined;
  accepts(encoding: 'br' | 'gzip'): boolean;
}

/** A new snapshot is begun at most this often, however fast seats change. */
const SNAPSHOT_EVERY_MS = 250;
/**
 * A snapshot older than this (and behind the inventory) is no longer given: readers get the map as it
 * is. Brotli at quality 3 makes a stadium's map (8 MB of JSON, 136 KB compressed, as small as at 4)
 * in about 20 ms here, so snapshots lag this far only when the machine is very busy.
 */
const SNAPSHOT_MAX_AGE_MS = 2_000;

/**
 * The seat maps this instance serves. A hall's map is rendered for every change. A stadium's is
 * megabytes of JSON: it is rendered as it is now for a reader who wrote its seats since the last
 * snapshot or asked for a version (a millisecond or two: only the changed parts are compressed again,
 * with gzip), and everyone else gets the newest snapshot, compressed with brotli in the background at
 * most four times a second and never more than two seconds behind. A snapshot that is current serves
 * everyone.
 */
export class SeatMapCache {
  private readonly current = new Map<string, RenderedSeatMap>();
  private readonly snapshots = new Map<string, Snapshot>();
  private readonly making = new Map<string, number>();
  /** A crowd opening streams at once shares one comparison. */
  private lastDiff: { key: string; changes: SeatChange[] } | undefined;

  constructor(private readonly maxMaps = 32) {}

  /** The map for this reader, and how to send it. */
  answer(inventory: ConcertInventory, reader: MapReader): MapAnswer {
    const version = inventory.version(Date.now());
    if (inventory.isStadium && reader.accepts('br')) {
      const snapshot = this.snapshotFor(inventory, version);
      const now = performance.now();
      const usable =
        snapshot &&
        (snapshot.version === version ||
          (reader.minVersion === undefined &&
            snapshot.takenAt > reader.lastWrite &&
            now - snapshot.takenAt <= SNAPSHOT_MAX_AGE_MS));
      if (usable) return { version: snapshot.version, etag: snapshot.etag, body: snapshot.br, encoding: 'br' };
    }
    const map = this.rendering(inventory);
    return reader.accepts('gzip')
      ? { version: map.version, etag: map.etag, body: map.gzip(), encoding: 'gzip' }
      : { version: map.version, etag: map.etag, body: map.json(), encoding: 'identity' };
  }

  /** The map as it is now, rendered again only if its version moved on. */
  rendering(inventory: ConcertInventory): RenderedSeatMap {
    const hit = this.current.get(inventory.concertId);
    if (hit && hit.inventory === inventory && hit.version === inventory.version(Date.now())) return hit;
    const map = renderSeatMap(inventory, Date.now());
    this.remember(this.current, inventory.concertId, map);
    return map;
  }

  /** The newest snapshot, after beginning the next one if it is behind and none was begun lately. */
  private snapshotFor(inventory: ConcertInventory, version: string): Snapshot | undefined {
    const { concertId } = inventory;
    const snapshot = this.snapshots.get(concertId);
    const fresh = snapshot?.inventory === inventory ? snapshot : undefined;
    const begun = this.making.get(concertId);
    const now = performance.now();
    if (fresh?.version !== version && (begun === undefined || now - begun >= SNAPSHOT_EVERY_MS)) {
      this.making.set(concertId, now);
      const map = this.rendering(inventory);
      const takenAt = performance.now();
      // The map's JSON and what it shows of each seat, as they are at this moment: both move on in place.
      const json = map.json();
      const statuses = [...seatsJsonOf.get(inventory)!.statuses];
      brotli(json, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 3,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: json.length,
        },
      }).then(
        (br) => {
          const { version: made, etag } = map;
          const latest = this.snapshots.get(concertId);
          if (!latest || latest.takenAt < takenAt)
            this.remember(this.snapshots, concertId, { version: made, etag, br, statuses, inventory, takenAt });
        },
        () => undefined,
      );
    }
    return fresh;
  }

  /**
   * The seats whose status differs now from the oldest map a reader may be given (a stadium's
   * snapshot, a hall's last rendering), so a client that opens the live stream and then fetches the
   * map can bring it up to date; undefined when the layout changed since (the client must fetch the
   * map again anyway).
   */
  changesSinceLatest(inventory: ConcertInventory): SeatChange[] | undefined {
    const snapshot = this.snapshots.get(inventory.concertId);
    const latest = snapshot ?? this.current.get(inventory.concertId);
    if (!latest) return [];
    if (latest.inventory !== inventory) return undefined;
    // A rendering shows what the inventory's JSON shows: the statuses it was last brought up to.
    const shown = snapshot?.statuses ?? seatsJsonOf.get(inventory)?.statuses ?? [];
    const now = Date.now();
    const key = `${latest.etag}|${inventory.version(now)}`;
    if (this.lastDiff?.key === key) return this.lastDiff.changes;
    const changes: SeatChange[] = [];
    inventory.all.forEach((seat, i) => {
      const status = statusAt(seat, now);
      if (status !== shown[i]) changes.push({ id: seat.id, status });
    });
    this.lastDiff = { key, changes };
    return changes;
  }

  private remember<T>(cache: Map<string, T>, concertId: string, entry: T) {
    cache.delete(concertId);
    cache.set(concertId, entry);
    if (cache.size > this.maxMaps) cache.delete(cache.keys().next().value as string);
  }
}
