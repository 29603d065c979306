import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { buildConcert, buildSeatMap, seatId } from '../../../test/fixtures';
import { useSeatSelection } from '../hooks/use-seat-selection';
import { buildSeatLayout } from '../lib/seat-layout';
import { SeatMap } from './seat-map';
import { SelectionList } from './selection-list';

function SeatPicker({ booked = [] }: { booked?: number[] }) {
  const layout = buildSeatLayout(buildSeatMap(booked), buildConcert().tiers);
  const selection = useSeatSelection(layout);
  return (
    <>
      <SeatMap layout={layout} isSelected={selection.isSelected} onToggle={selection.toggle} />
      <SelectionList selection={selection} />
    </>
  );
}

const seat = (name: string) => screen.getByRole('button', { name: new RegExp(`^${name},`) });
const chosen = () => screen.queryByRole('list', { name: 'Chosen seats' });

describe('choosing seats', () => {
  it('adds a seat on the first pick and removes it on the second, keeping a running total', async () => {
    const user = userEvent.setup();
    render(<SeatPicker />);
    expect(screen.getByText('No seats chosen yet. Pick seats on the map.')).toBeInTheDocument();
    await user.click(seat('VIP, row 2, seat 12'));
    await user.click(seat('VIP, row 2, seat 11'));
    await user.click(seat('General Admission, row 1, seat 1'));
    expect(within(chosen()!).getAllByRole('listitem')).toHaveLength(3);
    expect(screen.getByText('Total · 3 seats').nextSibling).toHaveTextContent('NPR 210.00');
    await user.click(seat('VIP, row 2, seat 12'));
    expect(seat('VIP, row 2, seat 12')).toHaveAccessibleName(/available$/);
    expect(screen.getByText('Total · 2 seats').nextSibling).toHaveTextContent('NPR 110.00');
    await user.click(screen.getByRole('button', { name: 'Remove VIP, row 2, seat 11' }));
    expect(screen.getByText('Total · 1 seat').nextSibling).toHaveTextContent('NPR 10.00');
  });

  it('does not let a booked seat be chosen', async () => {
    const user = userEvent.setup();
    render(<SeatPicker booked={[seatId.vip(5)]} />);
    await user.click(seat('VIP, row 1, seat 5'));
    expect(seat('VIP, row 1, seat 5')).toHaveAccessibleName(/booked$/);
    expect(chosen()).toBeNull();
  });

  it('stops at 10 seats and says so plainly', async () => {
    const user = userEvent.setup();
    render(<SeatPicker />);
    for (let n = 1; n <= 10; n += 1) await user.click(seat(`General Admission, row 1, seat ${n}`));
    expect(within(chosen()!).getAllByRole('listitem')).toHaveLength(10);
    expect(screen.getByText(/You have chosen 10 seats, the most one booking can hold/)).toBeInTheDocument();
    await user.click(seat('General Admission, row 1, seat 11'));
    expect(seat('General Admission, row 1, seat 11')).toHaveAccessibleName(/available$/);
    expect(within(chosen()!).getAllByRole('listitem')).toHaveLength(10);
    await user.click(seat('General Admission, row 1, seat 1'));
    await user.click(seat('General Admission, row 1, seat 11'));
    expect(seat('General Admission, row 1, seat 11')).toHaveAccessibleName(/selected$/);
  });

  it('drops a chosen seat that the live map shows as booked by someone else, and says so', async () => {
    const user = userEvent.setup();
    const { rerender } = render(<SeatPicker />);
    await user.click(seat('VIP, row 1, seat 1'));
    await user.click(seat('VIP, row 1, seat 2'));
    rerender(<SeatPicker booked={[seatId.vip(2)]} />);
    expect(screen.getByRole('status')).toHaveTextContent('Someone else just booked VIP, row 1, seat 2');
    expect(within(chosen()!).getAllByRole('listitem')).toHaveLength(1);
    expect(screen.getByText('Total · 1 seat').nextSibling).toHaveTextContent('NPR 100.00');
  });
});
