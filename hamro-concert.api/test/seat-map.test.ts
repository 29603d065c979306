import { describe, expect, it } from 'vitest';
import { ConcertInventory, type SeatRecord } from '../src/components/seats/seats.inventory.js';
import { renderSeatMap } from '../src/components/seats/seats.map.js';

const CONCERT = '5b7c1d2e-0000-4000-8000-000000000001';

function records(): SeatRecord[] {
  return Array.from({ length: 300 }, (_, i) => ({
    id: i + 1,
    tierId: 1 + (i % 3),
    section: (['vip', 'front', 'ga'] as const)[i % 3]!,
    row: 1 + Math.floor(i / 30),
    number: 1 + (i % 30),
    label: `S-${i + 1}`,
    booked: false,
    heldUntil: 0,
    seq: i + 1,
  }));
}

describe('renderSeatMap', () => {
  it('when seats change between renderings, then the patched map equals one rendered from scratch', () => {
    const now = Date.now();
    const live = new ConcertInventory(CONCERT, 0, records());
    renderSeatMap(live, now);
    let seq = 1000;
    const states = new Map<number, { booked: boolean; heldUntil: number }>();
    for (let step = 0; step < 200; step++) {
      const id = 1 + Math.floor(Math.random() * 300);
      const state = { booked: Math.random() < 0.5, heldUntil: Math.random() < 0.5 ? now + 60_000 : now - 1 };
      states.set(id, state);
      live.apply({ id, ...state, seq: ++seq }, now);
      if (step % 20 === 0) live.takeExpired(now);
    }
    const patched = JSON.parse(renderSeatMap(live, now).json().toString());
    const fresh = new ConcertInventory(
      CONCERT,
      0,
      records().map((record) => ({ ...record, ...states.get(record.id) })),
    );
    const expected = JSON.parse(renderSeatMap(fresh, now).json().toString());
    // The same seats and counts; the versions differ, as the fresh inventory's change numbers do.
    expect({ ...patched, version: undefined }).toEqual({ ...expected, version: undefined });
    expect(patched.bookedSeats + patched.heldSeats + patched.availableSeats).toBe(300);
    expect(patched.seats.filter((seat: { status: string }) => seat.status === 'booked').length).toBe(
      patched.bookedSeats,
    );
  });

  it('when a hold ends with no write, then the next rendering shows the seat free', () => {
    const start = Date.now();
    const live = new ConcertInventory(CONCERT, 0, records());
    live.apply({ id: 7, booked: false, heldUntil: start + 1000, seq: 5000 }, start);
    const during = JSON.parse(renderSeatMap(live, start).json().toString());
    expect(during.seats.find((seat: { id: number }) => seat.id === 7).status).toBe('held');
    live.takeExpired(start + 2000);
    const after = JSON.parse(
      renderSeatMap(live, start + 2000)
        .json()
        .toString(),
    );
    expect(after.seats.find((seat: { id: number }) => seat.id === 7).status).toBe('available');
    expect(after.heldSeats).toBe(0);
  });
});
