import type { Section } from '../tiers/tiers.schemas.js';

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
export function layoutSeats(section: Section, rows: { row: number; seats: number }[]): LayoutSeat[] {
  const prefix = SECTION_PREFIX[section];
  const result: LayoutSeat[] = [];
  for (const { row, seats } of rows) {
    for (let number = 1; number <= seats; number++) {
      result.push({ row, number, label: `${prefix}-${result.length + 1}` });
    }
  }
  return result;
}
