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
 * Picks the best `quantity` free seats of a tier, given row by row from the stage backwards, each
 * row's free seats in order along it: side by side in one row whenever possible; among those, never
 * leaving a single free seat stranded next to the group when another choice exists, then the row
 * nearest the stage, then the middle of that row. When no row has enough seats side by side, it
 * takes the nearest rows' seats in order. Undefined if the tier has too few free seats.
 *
 * It stops reading rows as soon as the answer is certain, so a stadium tier whose front rows have
 * room costs a few rows, not every seat.
 *
 * `together` answers only a group side by side (undefined otherwise), for a first pass over the rows
 * that could hold one.
 *
 * `spread` > 0 picks at random among that many of the best placements (nearest rows first, none
 * stranding a seat if the best does not), so buyers who lost the same seats to each other do not all
 * reach for the same next ones.
 */
export function chooseFromRows(
  rows: Iterable<FreeSeat[]>,
  quantity: number,
  spread = 0,
  options: { together?: boolean } = {},
): FreeSeat[] | undefined {
  const wanted = Math.max(1, spread);
  const clean: Placement[] = [];
  const stranding: Placement[] = [];
  const nearest: FreeSeat[] = [];
  for (const rowSeats of rows) {
    if (rowSeats.length === 0) continue;
    if (nearest.length < quantity) nearest.push(...rowSeats.slice(0, quantity - nearest.length));
    if (rowSeats.length < quantity) continue;
    for (const placement of placementsInRow(rowSeats, quantity)) {
      if (!placement.leavesSingle) clean.push(placement);
      else if (stranding.length < wanted) stranding.push(placement);
    }
    if (clean.length >= wanted) break;
  }
  const alike = clean.length > 0 ? clean.slice(0, wanted) : stranding;
  if (alike.length > 0) return alike[spread > 0 ? Math.floor(Math.random() * alike.length) : 0]!.seats;
  if (options.together) return undefined;
  return nearest.length === quantity ? nearest : undefined;
}

/** The same choice from a tier's free seats in any order (see chooseFromRows). */
export function chooseBestSeats(free: FreeSeat[], quantity: number, spread = 0): FreeSeat[] | undefined {
  const byRow = new Map<number, FreeSeat[]>();
  for (const seat of [...free].sort((a, b) => a.row - b.row || a.number - b.number)) {
    byRow.set(seat.row, [...(byRow.get(seat.row) ?? []), seat]);
  }
  return chooseFromRows(byRow.values(), quantity, spread);
}
