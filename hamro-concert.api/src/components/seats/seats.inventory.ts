import type { Section, SeatStatus } from 'hamro-concert.contracts';

/** A seat's committed state as the database has it: what the feed, a load or an own write reports. */
export interface SeatState {
  id: number;
  booked: boolean;
  /** When its hold ends, in epoch milliseconds; 0 when it has none. */
  heldUntil: number;
  /** Its number from seat_change_seq: a higher one is always a later committed state of the seat. */
  seq: number;
}

/** A seat with its place in the venue, as a load reads it. */
export interface SeatRecord extends SeatState {
  tierId: number;
  section: Section;
  row: number;
  number: number;
  label: string;
}

export interface InventorySeat extends SeatRecord {
  /** The seat's part of the seat map's JSON up to its state, built once. */
  readonly json: string;
  /** Its place in map order. */
  index?: number;
  /** The row it sits in, which counts its booked seats. */
  inRow?: InventoryRow;
}

/** One row of a tier, in seat order, with how many of its seats are booked. */
export interface InventoryRow {
  seats: InventorySeat[];
  booked: number;
}

/** One seat whose status changed, as the live stream sends it. */
export interface SeatChange {
  id: number;
  status: SeatStatus;
}

const SECTION_ORDER: Record<Section, number> = { front: 0, vip: 1, ga: 2 };
/**
 * Venues larger than this are read as a stadium: their map is rendered a few times a second and
 * follows the feed; a smaller hall's map is exact and rendered for every change.
 */
const STADIUM_SEATS = 5_000;
/** How long a seat offered to a best-available attempt stays set aside if nothing settles it. */
const PENDING_MS = 5_000;

export function statusAt(seat: SeatState, now: number): SeatStatus {
  if (seat.booked) return 'booked';
  return seat.heldUntil > now ? 'held' : 'available';
}

/** A tier's rows, nearest the stage first. */
export type TierRows = InventoryRow[];

/**
 * The seats of one concert in this process's memory: each seat's state (free, held until, booked),
 * built from the database once and patched with every committed change the feed reports. It answers
 * reads (seat maps, free counts) and chooses seats to offer; it never decides that a seat may be
 * sold. The booking statement does that in PostgreSQL.
 */
export class ConcertInventory {
  readonly seats = new Map<number, InventorySeat>();
  /** Map order: section, row, number, id. */
  private ordered: InventorySeat[] = [];
  private readonly tiers = new Map<number, TierRows>();
  /** Seats with a hold that had not ended when it was last looked at. */
  private readonly held = new Set<number>();
  /** Seats this process is offering to a best-available attempt right now, until when. */
  private readonly pending = new Map<number, number>();
  /** Per tier and group size: the first row that could seat such a group side by side at the last look. */
  private readonly roomFrom = new Map<number, number[]>();
  /** Seats whose state changed since the seat map last took them (see takeChanged). */
  private changed = new Set<InventorySeat>();
  private sumSeq = 0;
  booked = 0;

  constructor(
    readonly concertId: string,
    readonly layoutVersion: number,
    records: SeatRecord[],
  ) {
    for (const record of records) {
      const seat: InventorySeat = {
        ...record,
        json:
          `{"id":${record.id},"concertId":"${concertId}","ticketTierId":${record.tierId},` +
          `"seatNumber":${JSON.stringify(record.label)},"row":${record.row},"section":"${record.section}",`,
      };
      this.seats.set(seat.id, seat);
      this.count(seat, 1);
    }
    this.ordered = [...this.seats.values()].sort(
      (a, b) =>
        SECTION_ORDER[a.section] - SECTION_ORDER[b.section] || a.row - b.row || a.number - b.number || a.id - b.id,
    );
    this.ordered.forEach((seat, i) => (seat.index = i));
    for (const seat of [...this.ordered].sort((a, b) => a.row - b.row || a.number - b.number || a.id - b.id)) {
      const rows = this.tiers.get(seat.tierId) ?? [];
      let last = rows.at(-1);
      if (!last || last.seats[0]!.row !== seat.row) {
        last = { seats: [], booked: 0 };
        rows.push(last);
      }
      last.seats.push(seat);
      if (seat.booked) last.booked++;
      seat.inRow = last;
      this.tiers.set(seat.tierId, rows);
    }
  }

  private count(seat: InventorySeat, sign: 1 | -1) {
    this.sumSeq += sign * seat.seq;
    if (seat.booked) {
      this.booked += sign;
      if (seat.inRow) seat.inRow.booked += sign;
    }
    if (sign === 1 && !seat.booked && seat.heldUntil > 0) this.held.add(seat.id);
  }

  /** Seats in map order. */
  get all(): readonly InventorySeat[] {
    return this.ordered;
  }

  get isStadium(): boolean {
    return this.seats.size > STADIUM_SEATS;
  }

  hasTier(tierId: number): boolean {
    return this.tiers.has(tierId);
  }

  rowsOf(tierId: number): TierRows {
    return this.tiers.get(tierId) ?? [];
  }

  /**
   * Takes in a committed state of a seat it knows, if it is newer than the one it has. Returns the
   * seat's new status if that changed, undefined otherwise (an older or repeated report changes nothing).
   */
  apply(state: SeatState, now: number): SeatStatus | undefined {
    const seat = this.seats.get(state.id);
    if (!seat || state.seq <= seat.seq) return undefined;
    const before = statusAt(seat, now);
    this.count(seat, -1);
    seat.booked = state.booked;
    seat.heldUntil = state.heldUntil;
    seat.seq = state.seq;
    this.count(seat, 1);
    this.pending.delete(seat.id);
    this.changed.add(seat);
    const after = statusAt(seat, now);
    if (after === 'available') this.roomFrom.delete(seat.tierId);
    return after === before ? undefined : after;
  }

  /**
   * The seats whose state changed since the last call, and those with a hold (which may have ended
   * since without any write): all a rendering of the map has to look at again.
   */
  takeChanged(): Iterable<InventorySeat> {
    const changed = this.changed;
    this.changed = new Set();
    for (const id of this.held) {
      const seat = this.seats.get(id);
      if (seat) changed.add(seat);
    }
    return changed;
  }

  /** Holds that have ended since the last call: their seats are free now, though no row changed. */
  takeExpired(now: number): SeatChange[] {
    const expired: SeatChange[] = [];
    for (const id of this.held) {
      const seat = this.seats.get(id);
      if (!seat || seat.booked || seat.heldUntil <= now) {
        this.held.delete(id);
        if (seat) this.changed.add(seat);
        if (seat && !seat.booked) {
          expired.push({ id, status: 'available' });
          this.roomFrom.delete(seat.tierId);
        }
      }
    }
    return expired;
  }

  /** When the next live hold ends (0 if none): the map changes then without any write. */
  nextExpiry(now: number): number {
    let next = 0;
    for (const id of this.held) {
      const until = this.seats.get(id)?.heldUntil ?? 0;
      if (until > now && (next === 0 || until < next)) next = until;
    }
    return next;
  }

  /**
   * The map's version, the same in every instance that has seen the same commits: the layout, the
   * sum of the seats' change numbers (any committed change raises it, in whatever order transactions
   * commit) and the instant the next hold ends.
   */
  version(now: number): string {
    return `${this.layoutVersion}-${this.sumSeq}-${this.nextExpiry(now)}`;
  }

  counts(now: number) {
    let held = 0;
    for (const id of this.held) {
      const seat = this.seats.get(id);
      if (seat && !seat.booked && seat.heldUntil > now) held++;
    }
    const total = this.seats.size;
    return { totalSeats: total, bookedSeats: this.booked, heldSeats: held, availableSeats: total - this.booked - held };
  }

  /** Whether a seat can be offered now: free, and not being offered to another attempt of this process. */
  offerable(seat: InventorySeat, now: number): boolean {
    if (seat.booked || seat.heldUntil > now) return false;
    const until = this.pending.get(seat.id);
    if (until === undefined) return true;
    if (until > now) return false;
    this.pending.delete(seat.id);
    return true;
  }

  /** Where to start looking for a row with room for a group of `quantity` side by side. */
  firstRowWithRoom(tierId: number, quantity: number): number {
    return this.roomFrom.get(tierId)?.[quantity] ?? 0;
  }

  /** The rows before `index` have no room for such a group; until a seat of the tier is freed, they are passed over. */
  noRoomBefore(tierId: number, quantity: number, index: number) {
    let starts = this.roomFrom.get(tierId);
    if (!starts) this.roomFrom.set(tierId, (starts = []));
    if ((starts[quantity] ?? 0) < index) starts[quantity] = index;
  }

  /** How many seats of the tier are free now, leaving out `except`. */
  freeInTier(tierId: number, now: number, except: ReadonlySet<number> = new Set()): number {
    let free = 0;
    for (const row of this.rowsOf(tierId)) {
      if (row.booked === row.seats.length) continue;
      for (const seat of row.seats) if (!except.has(seat.id) && statusAt(seat, now) === 'available') free++;
    }
    return free;
  }

  /** Sets seats aside while an attempt books or holds them, so concurrent choices here pick others. */
  setAside(ids: readonly number[], now: number) {
    for (const id of ids) this.pending.set(id, now + PENDING_MS);
  }

  /** Gives back seats an attempt did not get; seats it got are settled by their new state. */
  putBack(ids: readonly number[]) {
    for (const id of ids) this.pending.delete(id);
  }
}
