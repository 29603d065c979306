import type { Language, Seat, SeatMap, SeatStatus, Section, TierSummary } from 'hamro-concert.contracts';
import { currentLanguage, i18n } from '../../../i18n/i18n';
import { formatCents, formatDigits, toCents } from '../../../lib/format';

/** A section's name when its tier has none: "Front Row", "VIP". */
export function defaultSectionName(section: Section): string {
  return i18n.t(`seatMap.sections.${section}`);
}

/** One seat as the map shows it: where it is, what it costs, whether it can still be bought. */
export interface SeatView {
  id: number;
  /** The ticket tier the seat is sold in, whose sales window says whether it can be chosen now. */
  tierId: number;
  section: Section;
  sectionName: string;
  row: number;
  /** The seat's number within its row, as printed on the ticket ("12" of "V-12"). */
  number: string;
  seatNumber: string;
  priceCents: number;
  /** ISO 4217 code of the concert's prices. */
  currency: string;
  /** Booked, or held by another buyer's checkout; seats of this visitor's own hold read as available. */
  status: SeatStatus;
  /** "VIP, row 2, seat 12" */
  place: string;
  /** Position in map order, for sorting a selection the way the map reads. */
  order: number;
}

export interface SeatRowView {
  row: number;
  seats: SeatView[];
}

export interface SectionView {
  section: Section;
  name: string;
  priceCents: number;
  currency: string;
  available: number;
  total: number;
  rows: SeatRowView[];
  /** The section cut into blocks of neighbouring rows and seats, as the overview of a large venue shows it. */
  blocks: SeatBlockView[];
  /** How many blocks sit side by side across the section. */
  blockColumns: number;
}

/** A piece of a section a buyer zooms into: a few rows, and of each row the same span of seats. */
export interface SeatBlockView {
  key: string;
  section: Section;
  sectionName: string;
  /** Its place in the section's grid of blocks, from the stage and from the left. */
  gridRow: number;
  gridColumn: number;
  firstRow: number;
  lastRow: number;
  rows: SeatRowView[];
  available: number;
  total: number;
  /** "General Admission, rows 1 to 20, far left" */
  place: string;
}

export interface SeatLayout {
  sections: SectionView[];
  byId: Map<number, SeatView>;
  total: number;
  /** Too many seats to show each at a readable size: the map opens on an overview of blocks. */
  large: boolean;
  blockByKey: Map<string, SeatBlockView>;
  /** The block each seat sits in. */
  blockOf: Map<number, SeatBlockView>;
}

/** Venues with more seats than this open on an overview of blocks instead of every seat. */
export const OVERVIEW_ABOVE_SEATS = 1_000;
/** A block spans at most this many seats of a row and about this many seats in all. */
const BLOCK_WIDTH = 25;
const BLOCK_SEATS = 500;

function seatNumberInRow(seatNumber: string): string {
  const match = /(\d+)\s*$/.exec(seatNumber);
  return match?.[1] ?? seatNumber;
}

function toSeatView(
  seat: Seat,
  tier: TierSummary | undefined,
  order: number,
  ownHold: ReadonlySet<number>,
  currency: string,
): SeatView {
  const sectionName = tier?.name ?? defaultSectionName(seat.section);
  const number = seatNumberInRow(seat.seatNumber);
  return {
    id: seat.id,
    tierId: seat.ticketTierId,
    section: seat.section,
    sectionName,
    row: seat.row,
    number,
    seatNumber: seat.seatNumber,
    priceCents: tier ? toCents(tier.price) : 0,
    currency,
    status: seat.status === 'held' && ownHold.has(seat.id) ? 'available' : seat.status,
    place: i18n.t('seatMap.place', { section: sectionName, row: formatDigits(seat.row), seat: formatDigits(number) }),
    order,
  };
}

const SIDES: Record<number, readonly SideKey[]> = {
  2: ['left', 'right'],
  3: ['left', 'centre', 'right'],
  4: ['farLeft', 'leftOfCentre', 'rightOfCentre', 'farRight'],
};

type SideKey = 'left' | 'right' | 'centre' | 'farLeft' | 'leftOfCentre' | 'rightOfCentre' | 'farRight';

/** Where a block sits across its section, in words: "", "left", "far right", "part 2 of 5". */
function sideOf(column: number, columns: number): string {
  if (columns === 1) return '';
  const side = SIDES[columns]?.[column];
  return side ? i18n.t(`seatMap.sides.${side}`) : i18n.t('seatMap.sides.part', { part: column + 1, parts: columns });
}

/** Cuts a section's rows into blocks: spans of at most BLOCK_WIDTH seats, stacked about BLOCK_SEATS to a block. */
function blocksOf(section: SectionView): { blocks: SeatBlockView[]; columns: number } {
  const widest = Math.max(1, ...section.rows.map((row) => row.seats.length));
  const columns = Math.ceil(widest / BLOCK_WIDTH);
  const span = Math.ceil(widest / columns);
  const rowsPerBlock = Math.max(1, Math.floor(BLOCK_SEATS / span));
  const blocks: SeatBlockView[] = [];
  for (let start = 0; start < section.rows.length; start += rowsPerBlock) {
    const rows = section.rows.slice(start, start + rowsPerBlock);
    for (let column = 0; column < columns; column++) {
      const pieces = rows
        .map((row) => ({ row: row.row, seats: row.seats.slice(column * span, (column + 1) * span) }))
        .filter((row) => row.seats.length > 0);
      if (pieces.length === 0) continue;
      const seats = pieces.flatMap((row) => row.seats);
      const firstRow = pieces[0]!.row;
      const lastRow = pieces.at(-1)!.row;
      const rowsText =
        firstRow === lastRow
          ? i18n.t('seatMap.row', { row: formatDigits(firstRow) })
          : i18n.t('seatMap.rows', { first: formatDigits(firstRow), last: formatDigits(lastRow) });
      blocks.push({
        key: `${section.section}-${firstRow}-${column}`,
        section: section.section,
        sectionName: section.name,
        gridRow: start / rowsPerBlock,
        gridColumn: column,
        firstRow,
        lastRow,
        rows: pieces,
        available: seats.filter(isFree).length,
        total: seats.length,
        place: [section.name, rowsText, sideOf(column, columns)].filter(Boolean).join(', '),
      });
    }
  }
  return { blocks, columns };
}

/**
 * Seat views made lately, by the seat they show. A live patch of the map replaces only the seats that
 * changed, so a stadium's layout is rebuilt from mostly the same views. Valid for one set of tiers
 * and one hold of this visitor's.
 */
let viewCache: { key: string; views: WeakMap<Seat, SeatView> } | undefined;

function viewsFor(
  tiers: TierSummary[],
  ownHold: readonly number[],
  currency: string,
  language: Language,
): WeakMap<Seat, SeatView> {
  // What a view takes from the tiers: their names and prices (free counts move with every change).
  const key = `${language}/${currency}/${tiers.map((tier) => `${tier.id}:${tier.name}:${tier.price}`).join('|')}/${ownHold.join(',')}`;
  if (viewCache?.key !== key) viewCache = { key, views: new WeakMap() };
  return viewCache.views;
}

/**
 * Groups the API's ordered seat list into sections and rows, keeping the API's order, and cuts
 * each section into blocks. `ownHold` names the seats this visitor holds: they stay theirs on the
 * map. "Left" counts only seats the API calls available, so held seats are not counted. One pass
 * over the seats: a stadium's 50,000 take a few tens of milliseconds.
 */
export function buildSeatLayout(
  map: SeatMap,
  tiers: TierSummary[],
  ownHold: readonly number[] = [],
  currency = 'NPR',
  language: Language = currentLanguage(),
): SeatLayout {
  const tierById = new Map(tiers.map((tier) => [tier.id, tier]));
  const own = new Set(ownHold);
  const views = viewsFor(tiers, ownHold, currency, language);
  const sections: SectionView[] = [];
  const sectionOf = new Map<Section, { view: SectionView; rowOf: Map<number, SeatRowView> }>();
  const byId = new Map<number, SeatView>();
  map.seats.forEach((seat, index) => {
    let view = views.get(seat);
    if (view?.order !== index) {
      view = toSeatView(seat, tierById.get(seat.ticketTierId), index, own, currency);
      views.set(seat, view);
    }
    byId.set(view.id, view);
    let entry = sectionOf.get(view.section);
    if (!entry) {
      const section: SectionView = {
        section: view.section,
        name: view.sectionName,
        priceCents: view.priceCents,
        currency,
        available: 0,
        total: 0,
        rows: [],
        blocks: [],
        blockColumns: 1,
      };
      entry = { view: section, rowOf: new Map() };
      sectionOf.set(view.section, entry);
      sections.push(section);
    }
    const section = entry.view;
    section.total += 1;
    if (seat.status === 'available') section.available += 1;
    let row = entry.rowOf.get(view.row);
    if (!row) {
      row = { row: view.row, seats: [] };
      entry.rowOf.set(view.row, row);
      section.rows.push(row);
    }
    row.seats.push(view);
  });
  const large = byId.size > OVERVIEW_ABOVE_SEATS;
  const blockByKey = new Map<string, SeatBlockView>();
  const blockOf = new Map<number, SeatBlockView>();
  if (large) {
    for (const section of sections) {
      const { blocks, columns } = blocksOf(section);
      section.blocks = blocks;
      section.blockColumns = columns;
      for (const block of blocks) {
        blockByKey.set(block.key, block);
        for (const row of block.rows) for (const seat of row.seats) blockOf.set(seat.id, block);
      }
    }
  }
  return { sections, byId, total: byId.size, large, blockByKey, blockOf };
}

export type SeatState = 'available' | 'selected' | 'held' | 'booked';

export function isFree(seat: SeatView): boolean {
  return seat.status === 'available';
}

export function seatState(seat: SeatView, selected: boolean): SeatState {
  if (seat.status !== 'available') return seat.status;
  return selected ? 'selected' : 'available';
}

/**
 * The seat's accessible name: "VIP, row 2, seat 12, $100.00, available" (or "on hold"); a free seat
 * whose tier does not sell now (sales not open yet, or closed) is "not on sale".
 */
export function seatLabel(seat: SeatView, state: SeatState, onSale = true): string {
  const words = i18n.t(`seatMap.states.${state === 'available' && !onSale ? 'offSale' : state}`);
  return i18n.t('seatMap.seatLabel', {
    place: seat.place,
    price: formatCents(seat.priceCents, seat.currency),
    state: words,
  });
}
