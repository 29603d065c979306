import type { Section } from 'hamro-concert.contracts';

export const SECTION_PREFIX: Record<Section, string> = { front: 'F', vip: 'V', ga: 'G' };

export interface LayoutSeat {
  row: number;
  number: number;
  label: string;
}

/**
 * Numbers the seats of one tier: along each row for the position, and across the whole tier for
 * the label, so VIP rows of 10 give V-1..V-10 in row 1 and V-11..V-20 in row 2.
 */
export function layoutSeats(section: Section, rows: { row: number; seats: number }[], firstLabel = 1): LayoutSeat[] {
  const prefix = SECTION_PREFIX[section];
  const result: LayoutSeat[] = [];
  for (const { row, seats } of rows) {
    for (let number = 1; number <= seats; number++) {
      result.push({ row, number, label: `${prefix}-${firstLabel + result.length}` });
    }
  }
  return result;
}

/** The row width new seats get when a tier grows without a layout: as the demo venue has it. */
export const DEFAULT_ROW_WIDTH: Record<Section, number> = { front: 20, vip: 10, ga: 12 };

/** `count` seats in new rows of `width` after `lastRow`. */
export function rowsFor(count: number, width: number, lastRow: number): { row: number; seats: number }[] {
  const rows: { row: number; seats: number }[] = [];
  for (let left = count, row = lastRow + 1; left > 0; left -= width, row++)
    rows.push({ row, seats: Math.min(width, left) });
  return rows;
}
