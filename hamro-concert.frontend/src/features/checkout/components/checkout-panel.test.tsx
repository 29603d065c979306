import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { problem, stubFetch, type StubAnswer } from '../../../test/fetch-stub';
import { buildBooking } from '../../../test/fixtures';
import { renderWithQuery } from '../../../test/render';
import type { CheckoutSeat } from '../lib/checkout-seat';
import { CheckoutPanel } from './checkout-panel';

const SEATS: CheckoutSeat[] = [
  { id: 31, sectionName: 'VIP', row: 2, number: '11', place: 'VIP, row 2, seat 11', priceCents: 10000 },
  { id: 32, sectionName: 'VIP', row: 2, number: '12', place: 'VIP, row 2, seat 12', priceCents: 10000 },
  { id: 41, sectionName: 'General Admission', row: 1, number: '1', place: 'General Admission, row 1, seat 1', priceCents: 1000 },
];

function renderPanel(seats: CheckoutSeat[] = SEATS) {
  const handlers = { onBooked: vi.fn(), onSeatsTaken: vi.fn(), onSeatsChanged: vi.fn() };
  const view = renderWithQuery(<CheckoutPanel seats={seats} concertTitle="Himalayan Echoes" concertWhen="Sat, 14 Mar 2026 · 7:00 PM" {...handlers} />);
  return { ...handlers, ...view };
}

async function fillDetails(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Full name'), 'Asha Tamang');
  await user.type(screen.getByLabelText('Email'), 'asha@example.com');
}

describe('booking form', () => {
  it('says what it will book on its button', () => {
    stubFetch(() => ({ status: 500, body: {} }));
    renderPanel();
    expect(screen.getByRole('button', { name: 'Book 3 seats · $210.00' })).toBeEnabled();
  });

  it('cannot be sent without seats', () => {
    stubFetch(() => ({ status: 500, body: {} }));
    renderPanel([]);
    expect(screen.getByRole('button', { name: 'Choose seats to book' })).toBeDisabled();
  });

  it('checks name and email inline and sends nothing until they are right', async () => {
    const user = userEvent.setup();
    const { calls } = stubFetch(() => ({ status: 201, body: buildBooking([31, 32, 41]) }));
    renderPanel();
    await user.click(screen.getByRole('button', { name: /^Book 3 seats/ }));
    expect(screen.getByLabelText('Full name')).toHaveAccessibleDescription('Enter a name');
    expect(screen.getByLabelText('Full name')).toHaveAttribute('aria-invalid', 'true');
    expect(screen.getByLabelText('Full name')).toHaveFocus();
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter a valid email address');
    await user.type(screen.getByLabelText('Full name'), 'Asha');
    expect(screen.getByLabelText('Full name')).not.toHaveAttribute('aria-invalid');
    await user.type(screen.getByLabelText('Email'), 'asha@');
    await user.tab();
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter a valid email address');
    expect(calls).toHaveLength(0);
  });

  it('is disabled while sending, then confirms with the reference, seats by section and row, and total', async () => {
    const user = userEvent.setup();
    let answer: (value: { status: number; body: unknown }) => void = () => undefined;
    const { calls } = stubFetch(() => new Promise((resolve) => (answer = resolve)) as StubAnswer);
    const { onBooked } = renderPanel();
    await fillDetails(user);
    await user.click(screen.getByRole('button', { name: 'Book 3 seats · $210.00' }));
    expect(await screen.findByRole('button', { name: 'Booking 3 seats · $210.00…' })).toBeDisabled();
    expect(calls[0]).toMatchObject({
      method: 'POST',
      path: '/ticket-bookings/seats',
      body: { userName: 'Asha Tamang', userEmail: 'asha@example.com', seatIds: [31, 32, 41] },
    });
    answer({ status: 201, body: buildBooking([31, 32, 41]) });
    const dialog = await screen.findByRole('dialog', { name: "You're going to Himalayan Echoes!" });
    expect(dialog).toHaveTextContent('K7QM2XPA9RTD');
    expect(dialog).toHaveTextContent('Sat, 14 Mar 2026 · 7:00 PM');
    expect(dialog).toHaveTextContent('VIP, row 2Seats 11, 12');
    expect(dialog).toHaveTextContent('General Admission, row 1Seat 1');
    expect(dialog).toHaveTextContent('Total$210.00');
    expect(onBooked).toHaveBeenCalledWith([31, 32, 41]);
    expect(screen.getByRole('button', { name: 'Done' })).toHaveFocus();
    await user.tab();
    expect(screen.getByRole('button', { name: 'Done' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('on a 409 names the seats someone else took, hands them back to drop, and keeps the details', async () => {
    const user = userEvent.setup();
    stubFetch(() => problem(409, 'seat-already-booked', { seats: [{ id: 32, seatNumber: 'V-12' }] }));
    const { onSeatsTaken, onBooked } = renderPanel();
    await fillDetails(user);
    await user.click(screen.getByRole('button', { name: /^Book 3 seats/ }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('That seat was just taken');
    expect(alert).toHaveTextContent('Someone else booked VIP, row 2, seat 12 a moment before you.');
    expect(onSeatsTaken).toHaveBeenCalledWith([32]);
    expect(onBooked).not.toHaveBeenCalled();
    expect(screen.getByLabelText('Full name')).toHaveValue('Asha Tamang');
    expect(screen.getByLabelText('Email')).toHaveValue('asha@example.com');
  });

  it('explains other failures in words and lets the visitor try again', async () => {
    const user = userEvent.setup();
    let attempts = 0;
    stubFetch(() => (++attempts === 1 ? problem(503, 'busy-try-again') : { status: 201, body: buildBooking([31, 32, 41]) }));
    renderPanel();
    await fillDetails(user);
    await user.click(screen.getByRole('button', { name: /^Book 3 seats/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Lots of people are booking right now. Please try again in a moment.');
    await user.click(screen.getByRole('button', { name: 'Book 3 seats · $210.00' }));
    expect(await screen.findByRole('dialog')).toHaveTextContent('K7QM2XPA9RTD');
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
  });

  it('says so when the network is down', async () => {
    const user = userEvent.setup();
    vi.stubGlobal('fetch', vi.fn(() => Promise.reject(new TypeError('Failed to fetch'))));
    renderPanel();
    await fillDetails(user);
    await user.click(screen.getByRole('button', { name: /^Book 3 seats/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('We could not reach Hamro Concert');
  });
});
