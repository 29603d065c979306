import type { Seat, SeatMap, SeatStatus, Section, TierSummary } from 'hamro-concert.api/contracts';
import { formatCents, toCents } from '../../../lib/format';

export const SECTION_NAMES: Record<Section, string> = {
  front: 'Front Row',
  vip: 'VIP',
  ga: 'General Admission',
};

/** One seat as the map shows it: where it is, what it costs, whether it can still be bought. */
export interface SeatView {
  id: number;
  section: Section;
  sectionName: string;
  row: number;
  /** The seat's number within its row, as printed on the ticket ("12" of "V-12"). */
  number: string;
  seatNumber: string;
  priceCents: number;
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
  available: number;
  total: number;
  rows: SeatRowView[];
}

export interface SeatLayout {
  sections: SectionView[];
  byId: Map<number, SeatView>;
}

function seatNumberInRow(seatNumber: string): string {
  const match = /(\d+)\s*$/.exec(seatNumber);
  return match?.[1] ?? seatNumber;
}

function toSeatView(seat: Seat, tier: TierSummary | undefined, order: number, ownHold: readonly number[]): SeatView {
  const sectionName = tier?.name ?? SECTION_NAMES[seat.section];
  const number = seatNumberInRow(seat.seatNumber);
  return {
    id: seat.id,
    section: seat.section,
    sectionName,
    row: seat.row,
    number,
    seatNumber: seat.seatNumber,
    priceCents: tier ? toCents(tier.price) : 0,
    status: seat.status === 'held' && ownHold.includes(seat.id) ? 'available' : seat.status,
    place: `${sectionName}, row ${seat.row}, seat ${number}`,
    order,
  };
}

/**
 * Groups the API's ordered seat list into sections and rows, keeping the API's order. `ownHold`
 * names the seats this visitor holds: they stay theirs on the map. "Left" counts only seats the
 * API calls available, so held seats are not counted.
 */
export function buildSeatLayout(map: SeatMap, tiers: TierSummary[], ownHold: readonly number[] = []): SeatLayout {
  const tierById = new Map(tiers.map((tier) => [tier.id, tier]));
  const sections: SectionView[] = [];
  const byId = new Map<number, SeatView>();
  map.seats.forEach((seat, index) => {
    const view = toSeatView(seat, tierById.get(seat.ticketTierId), index, ownHold);
    byId.set(view.id, view);
    let section = sections.find((s) => s.section === view.section);
    if (!section) {
      section = {
        section: view.section,
        name: view.sectionName,
        priceCents: view.priceCents,
        available: 0,
        total: 0,
        rows: [],
      };
      sections.push(section);
    }
    section.total += 1;
    if (seat.status === 'available') section.available += 1;
    let row = section.rows.find((r) => r.row === view.row);
    if (!row) {
      row = { row: view.row, seats: [] };
      section.rows.push(row);
    }
    row.seats.push(view);
  });
  return { sections, byId };
}

export type SeatState = 'available' | 'selected' | 'held' | 'booked';

export function isFree(seat: SeatView): boolean {
  return seat.status === 'available';
}

export function seatState(seat: SeatView, selected: boolean): SeatState {
  if (seat.status !== 'available') return seat.status;
  return selected ? 'selected' : 'available';
}

const STATE_WORDS: Record<SeatState, string> = {
  available: 'available',
  selected: 'selected',
  held: 'on hold',
  booked: 'booked',
};

/** The seat's accessible name: "VIP, row 2, seat 12, $100.00, available" (or "on hold"). */
export function seatLabel(seat: SeatView, state: SeatState): string {
  return `${seat.place}, ${formatCents(seat.priceCents)}, ${STATE_WORDS[state]}`;
}
