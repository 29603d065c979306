import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { buildConcert, buildSeatMap, seatId } from '../../../test/fixtures';
import { useSeatSelection } from '../hooks/use-seat-selection';
import { buildSeatLayout } from '../lib/seat-layout';
import { SeatMap } from './seat-map';
import { SelectionList } from './selection-list';

/** The seat map with real selection state, as the concert page composes it. */
function SeatPicker({
  booked = [],
  held = [],
  ownHold = [],
}: {
  booked?: number[];
  held?: number[];
  ownHold?: number[];
}) {
  const layout = buildSeatLayout(buildSeatMap(booked, undefined, held), buildConcert().tiers, ownHold);
  const selection = useSeatSelection(layout);
  return (
    <>
      <SeatMap layout={layout} isSelected={selection.isSelected} onToggle={selection.toggle} />
      <SelectionList selection={selection} />
    </>
  );
}

describe('seat map', () => {
  it('shows one block per section, nearest the stage first, with prices and counts', () => {
    render(<SeatPicker booked={[seatId.vip(3)]} />);
    const headings = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(headings).toEqual([
      'Front RowNPR\u00a050.00 · 20 of 20 left',
      'VIPNPR\u00a0100.00 · 19 of 20 left',
      'General AdmissionNPR\u00a010.00 · 60 of 60 left',
    ]);
    expect(screen.getByText('Stage')).toBeInTheDocument();
    const vipRow2 = screen.getByRole('group', { name: 'VIP, row 2' });
    expect(within(vipRow2).getAllByRole('button')).toHaveLength(10);
    expect(screen.getAllByRole('group', { name: /^General Admission, row \d$/ })).toHaveLength(5);
  });

  it('names every seat by place, price and state', () => {
    render(<SeatPicker booked={[seatId.vip(3)]} />);
    expect(screen.getByRole('button', { name: 'VIP, row 2, seat 12, NPR\u00a0100.00, available' })).toBeEnabled();
    expect(
      screen.getByRole('button', { name: 'Front Row, row 1, seat 20, NPR\u00a050.00, available' }),
    ).toBeInTheDocument();
    const booked = screen.getByRole('button', { name: 'VIP, row 1, seat 3, NPR\u00a0100.00, booked' });
    expect(booked).toHaveAttribute('aria-disabled', 'true');
    expect(booked).toHaveAttribute('data-state', 'booked');
  });

  it('shows the state by shape as well as colour: number, tick or cross', async () => {
    const user = userEvent.setup();
    render(<SeatPicker booked={[seatId.vip(3)]} />);
    const seat = screen.getByRole('button', { name: 'VIP, row 1, seat 4, NPR\u00a0100.00, available' });
    expect(seat).toHaveTextContent('4');
    await user.click(seat);
    expect(seat).toHaveAccessibleName('VIP, row 1, seat 4, NPR\u00a0100.00, selected');
    expect(seat).toHaveTextContent('');
    expect(seat.querySelector('svg')).not.toBeNull();
    expect(screen.getByRole('button', { name: /seat 3, NPR\s100.00, booked/ }).querySelector('svg')).not.toBeNull();
    expect(screen.getByRole('list', { name: 'Seat key' })).toHaveTextContent(/Available.*Your choice.*Booked.*On hold/);
  });

  it('shows seats held by another buyer as on hold, with their own mark, not choosable and not counted as left', async () => {
    const user = userEvent.setup();
    render(<SeatPicker booked={[seatId.vip(3)]} held={[seatId.vip(12), seatId.vip(13)]} />);
    const held = screen.getByRole('button', { name: 'VIP, row 2, seat 12, NPR\u00a0100.00, on hold' });
    expect(held).toHaveAttribute('aria-disabled', 'true');
    expect(held).toHaveAttribute('data-state', 'held');
    expect(held.querySelector('svg')).not.toBeNull();
    expect(held).not.toHaveAttribute('aria-pressed');
    await user.click(held);
    expect(held).toHaveAccessibleName('VIP, row 2, seat 12, NPR\u00a0100.00, on hold');
    expect(screen.getByText('No seats chosen yet. Pick seats on the map.')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 3, name: /^VIP/ })).toHaveTextContent('17 of 20 left');
  });

  it("keeps the seats of the visitor's own hold choosable", () => {
    render(<SeatPicker held={[seatId.vip(12)]} ownHold={[seatId.vip(12)]} />);
    expect(screen.getByRole('button', { name: 'VIP, row 2, seat 12, NPR\u00a0100.00, available' })).toBeEnabled();
  });

  it('is one Tab stop; arrow keys move between seats and rows, Enter and Space choose', async () => {
    const user = userEvent.setup();
    render(<SeatPicker booked={[seatId.front(1)]} />);
    await user.tab();
    expect(document.activeElement).toHaveAccessibleName('Front Row, row 1, seat 2, NPR\u00a050.00, available');
    await user.keyboard('{ArrowLeft}');
    expect(document.activeElement).toHaveAccessibleName('Front Row, row 1, seat 1, NPR\u00a050.00, booked');
    await user.keyboard('{End}');
    expect(document.activeElement).toHaveAccessibleName('Front Row, row 1, seat 20, NPR\u00a050.00, available');
    await user.keyboard('{ArrowRight}');
    expect(document.activeElement).toHaveAccessibleName('VIP, row 1, seat 1, NPR\u00a0100.00, available');
    await user.keyboard('{ArrowDown}{ArrowRight}');
    expect(document.activeElement).toHaveAccessibleName('VIP, row 2, seat 12, NPR\u00a0100.00, available');
    await user.keyboard('{Enter}');
    expect(document.activeElement).toHaveAccessibleName('VIP, row 2, seat 12, NPR\u00a0100.00, selected');
    await user.keyboard('{ArrowDown}');
    expect(document.activeElement).toHaveAccessibleName(/^General Admission, row 1, seat 2,/);
    await user.keyboard(' ');
    expect(document.activeElement).toHaveAccessibleName(/^General Admission, row 1, seat 2, NPR\s10.00, selected$/);
    expect(screen.getByRole('list', { name: 'Chosen seats' })).toHaveTextContent(
      /VIP, row 2, seat 12.*General Admission, row 1, seat 2/,
    );
    await user.tab();
    expect(document.activeElement?.closest('[data-seat-id]')).toBeNull();
    await user.tab({ shift: true });
    expect(document.activeElement).toHaveAccessibleName(/^General Admission, row 1, seat 2,/);
  });
});
