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

/**
 * Picks the best `quantity` free seats of a tier: side by side in one row whenever possible; among
 * those, never leaving a single free seat stranded next to the group when another choice exists,
 * then the row nearest the stage, then the middle of that row. When no row has enough seats side by
 * side, it takes the nearest rows' seats in order. Undefined if the tier has too few free seats.
 *
 * `spread` > 0 picks at random among that many of the best placements (nearest rows first, none
 * stranding a seat if the best does not), so buyers who lost the same seats to each other do not all
 * reach for the same next ones.
 */
export function chooseBestSeats(free: FreeSeat[], quantity: number, spread = 0): FreeSeat[] | undefined {
  if (free.length < quantity) return undefined;
  const byRow = new Map<number, FreeSeat[]>();
  for (const seat of [...free].sort((a, b) => a.row - b.row || a.number - b.number)) {
    byRow.set(seat.row, [...(byRow.get(seat.row) ?? []), seat]);
  }

  const placements: Placement[] = [];
  for (const [row, rowSeats] of byRow) {
    const numbers = rowSeats.map((seat) => seat.number);
    const centre = (Math.min(...numbers) + Math.max(...numbers)) / 2;
    for (const run of runsOf(rowSeats)) {
      for (let start = 0; start + quantity <= run.length; start++) {
        const left = start;
        const right = run.length - start - quantity;
        const group = run.slice(start, start + quantity);
        const middle = (group[0]!.number + group.at(-1)!.number) / 2;
        placements.push({
          seats: group,
          row,
          leavesSingle: left === 1 || right === 1,
          offCentre: Math.abs(middle - centre),
        });
      }
    }
  }
  placements.sort(
    (a, b) =>
      Number(a.leavesSingle) - Number(b.leavesSingle) ||
      a.row - b.row ||
      a.offCentre - b.offCentre ||
      a.seats[0]!.id - b.seats[0]!.id,
  );
  const best = placements[0];
  if (best && spread > 0) {
    const alike = placements.filter((p) => p.leavesSingle === best.leavesSingle).slice(0, spread);
    return alike[Math.floor(Math.random() * alike.length)]!.seats;
  }
  if (best) return best.seats;
  return [...byRow.values()].flat().slice(0, quantity);
}
