/** A free seat as the chooser sees it: its row and its place along the row. */
export interface FreeSeat {
  id: number;
  row: number;
  number: number;
}

interface Placement {
  seats: FreeSeat[];
  row: number;
  leavesSingle: boolean;
  offCentre: number;
}

/** Runs of free seats that sit next to each other in one row. */
function runsOf(rowSeats: FreeSeat[]): FreeSeat[][] {
  const runs: FreeSeat[][] = [];
  for (const seat of rowSeats) {
    const run = runs.at(-1);
    if (run && run.at(-1)!.number === seat.number - 1) run.push(seat);
    else runs.push([seat]);
  }
  return runs;
}

/** Every way to seat the group side by side in one row, best first: middle of the row, then seat id. */
function placementsInRow(rowSeats: FreeSeat[], quantity: number): Placement[] {
  const centre = (rowSeats[0]!.number + rowSeats.at(-1)!.number) / 2;
  const placements: Placement[] = [];
  for (const run of runsOf(rowSeats)) {
    for (let start = 0; start + quantity <= run.length; start++) {
      const right = run.length - start - quantity;
      const group = run.slice(start, start + quantity);
      placements.push({
        seats: group,
        row: rowSeats[0]!.row,
        leavesSingle: start === 1 || right === 1,
        offCentre: Math.abs((group[0]!.number + group.at(-1)!.number) / 2 - centre),
      });
    }
  }
  return placements.sort((a, b) => a.offCentre - b.offCentre || a.seats[0]!.id - b.seats[0]!.id);
}

/**
 * The best way to seat a group of `quantity` side by side, given a tier's free seats row by row from
 * the stage backwards, each row in order along it: never leaving a single free seat stranded next to
 * the group when another choice exists, then the row nearest the stage, then the middle of that row.
 * Undefined when no row has that many free seats side by side. It stops reading rows as soon as the
 * answer is certain, so a stadium tier whose front rows have room costs a few rows, not every seat.
 *
 * `spread` > 0 picks at random among that many of the best placements (nearest rows first, none
 * stranding a seat if the best does not), so buyers who lost the same seats to each other do not all
 * reach for the same next ones.
 */
export function bestPlacement(rows: Iterable<FreeSeat[]>, quantity: number, spread = 0): FreeSeat[] | undefined {
  const wanted = Math.max(1, spread);
  const clean: Placement[] = [];
  const stranding: Placement[] = [];
  for (const rowSeats of rows) {
    if (rowSeats.length < quantity) continue;
    for (const placement of placementsInRow(rowSeats, quantity)) {
      if (!placement.leavesSingle) clean.push(placement);
      else if (stranding.length < wanted) stranding.push(placement);
    }
    if (clean.length >= wanted) break;
  }
  const alike = clean.length > 0 ? clean.slice(0, wanted) : stranding;
  return alike[spread > 0 ? Math.floor(Math.random() * alike.length) : 0]?.seats;
}

/** When no row can seat the group together: the nearest rows' free seats in order; undefined if too few. */
export function nearestSeats(rows: Iterable<FreeSeat[]>, quantity: number): FreeSeat[] | undefined {
  const nearest: FreeSeat[] = [];
  for (const rowSeats of rows) {
    nearest.push(...rowSeats.slice(0, quantity - nearest.length));
    if (nearest.length === quantity) return nearest;
  }
  return undefined;
}

/** Picks the best `quantity` of a tier's free seats, in any order: together if possible, else the nearest. */
export function chooseBestSeats(free: FreeSeat[], quantity: number, spread = 0): FreeSeat[] | undefined {
  const byRow = new Map<number, FreeSeat[]>();
  for (const seat of [...free].sort((a, b) => a.row - b.row || a.number - b.number)) {
    byRow.set(seat.row, [...(byRow.get(seat.row) ?? []), seat]);
  }
  const rows = [...byRow.values()];
  return bestPlacement(rows, quantity, spread) ?? nearestSeats(rows, quantity);
}
