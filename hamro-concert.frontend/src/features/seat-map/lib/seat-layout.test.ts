import { describe, expect, it } from 'vitest';
import { buildConcert, buildSeatMap, seatId } from '../../../test/fixtures';
import { buildSeatLayout, seatLabel } from './seat-layout';
import { nextSeatId } from './seat-navigation';
import { toggleSeat } from './selection';

const layout = buildSeatLayout(buildSeatMap([seatId.vip(1)]), buildConcert().tiers);
const seat = (id: number) => layout.byId.get(id)!;

describe('seat layout', () => {
  it('groups the ordered seats into sections and rows with their tier price', () => {
    expect(layout.sections.map((s) => [s.name, s.rows.length, s.priceCents, s.available, s.total])).toEqual([
      ['Front Row', 1, 5000, 20, 20],
      ['VIP', 2, 10000, 19, 20],
      ['General Admission', 5, 1000, 60, 60],
    ]);
    expect(seatLabel(seat(seatId.vip(12)), 'available')).toBe('VIP, row 2, seat 12, NPR\u00a0100.00, available');
  });
});

describe('selection rules', () => {
  it('toggles, refuses booked seats and stops at the maximum', () => {
    expect(toggleSeat([], seat(5))).toEqual({ ids: [5], outcome: 'added' });
    expect(toggleSeat([5], seat(5))).toEqual({ ids: [], outcome: 'removed' });
    expect(toggleSeat([], seat(seatId.vip(1)))).toEqual({ ids: [], outcome: 'unavailable' });
    expect(toggleSeat([1, 2], seat(3), 2)).toEqual({ ids: [1, 2], outcome: 'limit' });
  });
});

describe('keyboard movement', () => {
  it('moves along rows, between rows at the nearest position, and stops at the edges', () => {
    expect(nextSeatId(layout, 1, 'ArrowLeft')).toBe(1);
    expect(nextSeatId(layout, 20, 'ArrowRight')).toBe(seatId.vip(1));
    expect(nextSeatId(layout, 20, 'ArrowDown')).toBe(seatId.vip(10));
    expect(nextSeatId(layout, seatId.vip(11), 'ArrowUp')).toBe(seatId.vip(1));
    expect(nextSeatId(layout, seatId.ga(60), 'ArrowDown')).toBe(seatId.ga(60));
    expect(nextSeatId(layout, seatId.ga(15), 'Home')).toBe(seatId.ga(13));
  });
});
