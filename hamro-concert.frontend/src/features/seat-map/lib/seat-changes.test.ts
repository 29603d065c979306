import { describe, expect, it } from 'vitest';
import { buildSeatMap, seatId } from '../../../test/fixtures';
import { applySeatChanges, freeSeatsByTier } from './seat-changes';

describe('live seat changes', () => {
  it('patches the statuses and moves the counts along; an unchanged map stays the same object', () => {
    const map = buildSeatMap([seatId.vip(1)]);
    const after = applySeatChanges(
      map,
      new Map([
        [seatId.vip(1), 'available'],
        [seatId.vip(2), 'booked'],
        [seatId.ga(1), 'held'],
        [seatId.ga(2), 'available'],
      ]),
    );
    expect(after.seats.find((s) => s.id === seatId.vip(1))).toMatchObject({ status: 'available', isBooked: false });
    expect(after.seats.find((s) => s.id === seatId.vip(2))).toMatchObject({ status: 'booked', isBooked: true });
    expect([after.availableSeats, after.bookedSeats, after.heldSeats]).toEqual([98, 1, 1]);
    expect(map.seats.find((s) => s.id === seatId.vip(1))?.status).toBe('booked');
    expect(applySeatChanges(after, new Map([[seatId.vip(2), 'booked']]))).toBe(after);
  });

  it('counts the free seats of each tier', () => {
    const map = buildSeatMap([seatId.vip(1), seatId.vip(2)], undefined, [seatId.ga(5)]);
    expect(Object.fromEntries(freeSeatsByTier(map))).toEqual({ 1: 20, 2: 18, 3: 59 });
  });
});
