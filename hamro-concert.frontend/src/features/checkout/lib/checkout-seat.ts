import type { SeatRow } from '../../../components/ui/seat-rows';
import { i18n } from '../../../i18n/i18n';
import { formatDigits } from '../../../lib/format';

/** A seat as checkout needs it: where it is and what it costs. The page passes these in. */
export interface CheckoutSeat {
  id: number;
  sectionName: string;
  row: number;
  /** The seat's number within its row. */
  number: string;
  /** "VIP, row 2, seat 12" */
  place: string;
  priceCents: number;
  /** ISO 4217 code of the price. */
  currency: string;
}

export interface SeatGroup {
  sectionName: string;
  row: number;
  numbers: string[];
}

/** Seats grouped by section and row, in the order given: "VIP, row 2: seats 11, 12". */
export function groupBySectionAndRow(seats: readonly CheckoutSeat[]): SeatGroup[] {
  const groups: SeatGroup[] = [];
  for (const seat of seats) {
    const group = groups.find((g) => g.sectionName === seat.sectionName && g.row === seat.row);
    if (group) group.numbers.push(seat.number);
    else groups.push({ sectionName: seat.sectionName, row: seat.row, numbers: [seat.number] });
  }
  return groups;
}

/** The same groups as lines of a seat list, "VIP, row 2" then the seat numbers. */
export function seatRows(seats: readonly CheckoutSeat[]): SeatRow[] {
  return groupBySectionAndRow(seats).map((group) => ({
    key: `${group.sectionName}-${group.row}`,
    place: i18n.t('seatMap.rowPlace', { section: group.sectionName, row: formatDigits(group.row) }),
    numbers: group.numbers.map(formatDigits),
  }));
}

/** Seats that cost nothing together: their booking needs no payment, so no way to pay is asked. */
export function isFree(seats: readonly CheckoutSeat[]): boolean {
  return seats.every((seat) => seat.priceCents === 0);
}
