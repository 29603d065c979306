import type { SeatLayout } from './seat-layout';

export type NavigationKey = 'ArrowLeft' | 'ArrowRight' | 'ArrowUp' | 'ArrowDown' | 'Home' | 'End';

const NAVIGATION_KEYS = new Set<string>(['ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End']);

export function isNavigationKey(key: string): key is NavigationKey {
  return NAVIGATION_KEYS.has(key);
}

/** Every row of the map from the stage backwards, each a list of seat ids from left to right. */
function rowsOf(layout: SeatLayout): number[][] {
  return layout.sections.flatMap((section) => section.rows.map((row) => row.seats.map((seat) => seat.id)));
}

/** Where focus goes from a seat of the whole map (see nextInRows). */
export function nextSeatId(layout: SeatLayout, currentId: number, key: NavigationKey): number {
  return nextInRows(rowsOf(layout), currentId, key);
}

/**
 * Where focus goes from an item of a grid of rows (seats, or blocks of a venue's overview):
 * left/right along the row (continuing into the next or previous row), up/down to the nearest item
 * of the row in front or behind, Home/End to the ends of the row.
 */
export function nextInRows<T>(rows: readonly (readonly T[])[], currentId: T, key: NavigationKey): T {
  const rowIndex = rows.findIndex((row) => row.includes(currentId));
  const row = rows[rowIndex];
  if (!row) return currentId;
  const column = row.indexOf(currentId);
  const flat = rows.flat();
  const flatIndex = flat.indexOf(currentId);
  switch (key) {
    case 'ArrowLeft':
      return flat[Math.max(0, flatIndex - 1)] ?? currentId;
    case 'ArrowRight':
      return flat[Math.min(flat.length - 1, flatIndex + 1)] ?? currentId;
    case 'Home':
      return row[0] ?? currentId;
    case 'End':
      return row[row.length - 1] ?? currentId;
    case 'ArrowUp':
    case 'ArrowDown': {
      const target = rows[rowIndex + (key === 'ArrowUp' ? -1 : 1)];
      if (!target) return currentId;
      const relative = row.length > 1 ? column / (row.length - 1) : 0;
      return target[Math.round(relative * (target.length - 1))] ?? currentId;
    }
  }
}
