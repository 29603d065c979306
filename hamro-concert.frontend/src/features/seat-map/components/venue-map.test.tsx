import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Seat, SeatMap as SeatMapData, TierSummary } from 'hamro-concert.contracts';
import { describe, expect, it } from 'vitest';
import { CONCERT_ID, seatMapOf } from '../../../test/fixtures';
import { useSeatSelection } from '../hooks/use-seat-selection';
import { buildSeatLayout } from '../lib/seat-layout';
import { SeatMap } from './seat-map';
import { SelectionList } from './selection-list';

/** A venue too large to show every seat: VIP 10 rows of 50 (ids 1..500), General Admission 8 rows of 100. */
const TIERS: TierSummary[] = [
  { id: 1, name: 'VIP', price: '150.00', total: 500, available: 500, salesOpenAt: null, salesCloseAt: null },
  {
    id: 2,
    name: 'General Admission',
    price: '25.00',
    total: 800,
    available: 800,
    salesOpenAt: null,
    salesCloseAt: null,
  },
];

function largeMap(booked: readonly number[] = []): SeatMapData {
  const seats: Seat[] = [];
  const add = (tierId: number, section: Seat['section'], prefix: string, rows: number, perRow: number) => {
    for (let row = 1; row <= rows; row++) {
      for (let n = 1; n <= perRow; n++) {
        const id = seats.length + 1;
        const status = booked.includes(id) ? 'booked' : 'available';
        const label = `${prefix}-${(row - 1) * perRow + n}`;
        seats.push({
          id,
          concertId: CONCERT_ID,
          ticketTierId: tierId,
          seatNumber: label,
          row,
          section,
          isBooked: status === 'booked',
          status,
        });
      }
    }
  };
  add(1, 'vip', 'V', 10, 50);
  add(2, 'ga', 'G', 8, 100);
  return seatMapOf(seats);
}

function Picker({ booked = [] }: { booked?: number[] }) {
  const layout = buildSeatLayout(largeMap(booked), TIERS);
  const selection = useSeatSelection(layout);
  return (
    <>
      <SeatMap
        layout={layout}
        isSelected={selection.isSelected}
        onToggle={selection.toggle}
        selectedIds={selection.seats.map((seat) => seat.id)}
      />
      <SelectionList selection={selection} />
    </>
  );
}

describe('the map of a large venue', () => {
  it('opens on an overview of blocks with free counts, and no seat buttons', () => {
    render(<Picker booked={[1, 2, 3]} />);
    expect(document.querySelectorAll('[data-seat-id]')).toHaveLength(0);
    expect(screen.getByRole('group', { name: /^VIP\s?NPR\s150\.00 · 497 of 500 left$/ })).toBeInTheDocument();
    const ga = screen.getByRole('group', { name: /^General Admission\s?NPR\s25\.00 · 800 of 800 left$/ });
    // Rows of 100 are cut into four spans of 25 across; eight rows make one block deep.
    expect(
      within(ga)
        .getAllByRole('button')
        .map((b) => b.getAttribute('aria-label')),
    ).toEqual([
      'General Admission, rows 1 to 8, far left: 200 of 200 seats free',
      'General Admission, rows 1 to 8, left of centre: 200 of 200 seats free',
      'General Admission, rows 1 to 8, right of centre: 200 of 200 seats free',
      'General Admission, rows 1 to 8, far right: 200 of 200 seats free',
    ]);
    expect(screen.getByRole('button', { name: 'VIP, rows 1 to 10, left: 247 of 250 seats free' })).toBeInTheDocument();
  });

  it('zooms into a block to choose seats, and back out to a block that says what was chosen in it', async () => {
    const user = userEvent.setup();
    render(<Picker booked={[1]} />);
    await user.click(screen.getByRole('button', { name: /^VIP, rows 1 to 10, left: / }));
    expect(document.querySelectorAll('[data-seat-id]')).toHaveLength(250);
    expect(screen.getByRole('heading', { name: 'VIP, rows 1 to 10, left' })).toBeInTheDocument();
    // Focus lands on the block's first free seat.
    expect(screen.getByRole('button', { name: 'VIP, row 1, seat 2, NPR\u00a0150.00, available' })).toHaveFocus();
    await user.click(screen.getByRole('button', { name: 'VIP, row 2, seat 55, NPR\u00a0150.00, available' }));
    expect(
      within(screen.getByRole('list', { name: 'Chosen seats' })).getByText('VIP, row 2, seat 55'),
    ).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: '← Whole venue' }));
    expect(document.querySelectorAll('[data-seat-id]')).toHaveLength(0);
    expect(
      screen.getByRole('button', { name: 'VIP, rows 1 to 10, left: 249 of 250 seats free, 1 seat chosen' }),
    ).toHaveFocus();
  });

  it('by keyboard: arrows move between blocks, Enter opens one, Escape goes back', async () => {
    const user = userEvent.setup();
    render(<Picker />);
    screen.getByRole('button', { name: /^VIP, rows 1 to 10, left: / }).focus();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('button', { name: /^VIP, rows 1 to 10, right: / })).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(screen.getByRole('button', { name: /^General Admission, rows 1 to 8, far right: / })).toHaveFocus();
    await user.keyboard('{Enter}');
    expect(
      screen.getByRole('button', { name: 'General Admission, row 1, seat 76, NPR\u00a025.00, available' }),
    ).toHaveFocus();
    await user.keyboard('{ArrowDown}');
    expect(
      screen.getByRole('button', { name: 'General Admission, row 2, seat 176, NPR\u00a025.00, available' }),
    ).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.getByRole('button', { name: /^General Admission, rows 1 to 8, far right: / })).toHaveFocus();
  });
});
