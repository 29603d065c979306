import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi } from 'vitest';
import { problem, stubFetch } from '../../../test/fetch-stub';
import { buildBookingDetails, buildPayment } from '../../../test/fixtures';
import { formatTimeOfDay } from '../../../lib/format';
import { renderWithQuery } from '../../../test/render';
import { FindBooking } from './find-booking';

function renderFind(initialReference = '') {
  const onCancelled = vi.fn();
  return {
    onCancelled,
    ...renderWithQuery(
      <MemoryRouter>
        <FindBooking
          initialReference={initialReference}
          onCancelled={onCancelled}
          paymentHref={(reference) => `/payment?reference=${reference}`}
        />
      </MemoryRouter>,
    ),
  };
}

async function find(user: ReturnType<typeof userEvent.setup>, reference: string, email: string) {
  if (reference) await user.type(screen.getByLabelText('Booking reference'), reference);
  await user.type(screen.getByLabelText('Email'), email);
  await user.click(screen.getByRole('button', { name: 'Find booking' }));
}

describe('find my booking', () => {
  it('checks reference and email inline and asks nothing of the API until both are right', async () => {
    const user = userEvent.setup();
    const { calls } = stubFetch(() => ({ status: 200, body: buildBookingDetails() }));
    renderFind();
    await user.click(screen.getByRole('button', { name: 'Find booking' }));
    expect(screen.getByLabelText('Booking reference')).toHaveAccessibleDescription('Enter your booking reference');
    expect(screen.getByLabelText('Booking reference')).toHaveFocus();
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter the email you booked with');
    await user.type(screen.getByLabelText('Booking reference'), 'K7QM-O');
    expect(screen.getByLabelText('Booking reference')).toHaveAccessibleDescription(
      'Check the reference: 12 letters and digits, as on your confirmation',
    );
    await user.type(screen.getByLabelText('Email'), 'asha@');
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter a valid email address');
    expect(calls).toHaveLength(0);
  });

  it('accepts the reference as people type it and shows the booking: concert, seats by section and row, total, status', async () => {
    const user = userEvent.setup();
    const { calls } = stubFetch(() => ({ status: 200, body: buildBookingDetails() }));
    renderFind('k7qm 2xpa-9rtd');
    await find(user, '', 'asha@example.com');
    const booking = await screen.findByRole('article', { name: 'Himalayan Echoes' });
    expect(calls[0]).toMatchObject({ method: 'GET', path: '/bookings/K7QM2XPA9RTD?email=asha%40example.com' });
    expect(booking).toHaveTextContent('Confirmed');
    expect(booking).toHaveTextContent('Sat, 14 Mar 2026 · 7:00 PM Nepal Time · Tundikhel Open Air Stage, Kathmandu');
    const seats = within(screen.getByRole('list', { name: 'Booked seats' })).getAllByRole('listitem');
    expect(seats.map((seat) => seat.textContent)).toEqual([
      'VIP, row 2Seats 11, 12NPR\u00a0100.00 each',
      'General Admission, row 1Seat 1NPR\u00a010.00 each',
    ]);
    expect(booking).toHaveTextContent('TotalNPR 210.00');
  });

  it('says plainly when no booking matches the reference and email', async () => {
    const user = userEvent.setup();
    stubFetch(() => problem(404, 'booking-not-found'));
    renderFind();
    await find(user, 'K7QM2XPA9RTD', 'someone@example.com');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'We could not find a booking with that reference and email.',
    );
  });

  it('cancels only after confirming in a dialog (focus kept inside, Escape keeps the booking), then shows it cancelled', async () => {
    const user = userEvent.setup();
    const { calls } = stubFetch(({ method }) =>
      method === 'POST'
        ? {
            status: 200,
            body: buildBookingDetails({
              status: 'cancelled',
              cancelledAt: '2026-02-02T09:00:00.000Z',
              canCancel: false,
            }),
          }
        : { status: 200, body: buildBookingDetails() },
    );
    const { onCancelled } = renderFind('K7QM2XPA9RTD');
    await find(user, '', 'asha@example.com');
    await user.click(await screen.findByRole('button', { name: 'Cancel booking' }));
    let dialog = screen.getByRole('dialog', { name: 'Cancel this booking?' });
    expect(dialog).toHaveAccessibleDescription(/3 seats for Himalayan Echoes \(NPR\s210\.00\) will be given up/);
    expect(within(dialog).getByRole('button', { name: 'Keep my booking' })).toHaveFocus();
    await user.tab();
    await user.tab();
    expect(dialog).toContainElement(document.activeElement as HTMLElement);
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(calls.filter((call) => call.method === 'POST')).toHaveLength(0);

    await user.click(screen.getByRole('button', { name: 'Cancel booking' }));
    dialog = screen.getByRole('dialog', { name: 'Cancel this booking?' });
    await user.click(within(dialog).getByRole('button', { name: 'Yes, cancel booking' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.find((call) => call.method === 'POST')).toMatchObject({
      path: '/bookings/K7QM2XPA9RTD/cancel',
      body: { email: 'asha@example.com' },
    });
    expect(screen.getByRole('article')).toHaveTextContent('Cancelled');
    expect(screen.getByRole('status')).toHaveTextContent(
      'Your booking is cancelled. The seats are free for other buyers again.',
    );
    expect(screen.queryByRole('button', { name: 'Cancel booking' })).toBeNull();
    expect(onCancelled).toHaveBeenCalledWith(expect.objectContaining({ status: 'cancelled' }));
  });

  it('explains when the booking can no longer be cancelled', async () => {
    const user = userEvent.setup();
    stubFetch(({ method }) =>
      method === 'POST' ? problem(409, 'concert-already-started') : { status: 200, body: buildBookingDetails() },
    );
    renderFind('K7QM2XPA9RTD');
    await find(user, '', 'asha@example.com');
    await user.click(await screen.findByRole('button', { name: 'Cancel booking' }));
    await user.click(screen.getByRole('button', { name: 'Yes, cancel booking' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'The concert has already started, so this booking can no longer be cancelled.',
    );
  });

  it('says how the booking is paid: to pay at the door, with the amount', async () => {
    const user = userEvent.setup();
    stubFetch(() => ({ status: 200, body: buildBookingDetails() }));
    renderFind('K7QM2XPA9RTD');
    await find(user, '', 'asha@example.com');
    expect(await screen.findByTestId('payment-state')).toHaveTextContent('To pay at the door: NPR 210.00');
    expect(screen.queryByRole('link', { name: 'Continue paying' })).toBeNull();
  });

  it('a booking awaiting payment says until when, and Continue paying keeps the email for the payment page', async () => {
    const user = userEvent.setup();
    const dueAt = new Date(Date.now() + 9 * 60_000).toISOString();
    stubFetch(() => ({
      status: 200,
      body: buildBookingDetails({
        status: 'awaiting_payment',
        tickets: [],
        payment: buildPayment({ method: 'esewa', state: 'awaiting', dueAt }),
      }),
    }));
    renderFind('K7QM2XPA9RTD');
    await find(user, '', 'asha@example.com');
    const booking = await screen.findByRole('article');
    expect(booking).toHaveTextContent('Awaiting payment');
    expect(screen.getByTestId('payment-state')).toHaveTextContent(`Awaiting payment until ${formatTimeOfDay(dueAt)}`);
    expect(screen.queryByRole('list', { name: 'Tickets' })).toBeNull();
    const link = screen.getByRole('link', { name: 'Continue paying' });
    expect(link).toHaveAttribute('href', '/payment?reference=K7QM2XPA9RTD');
    await user.click(link);
    expect(sessionStorage.getItem('hamro.payment.K7QM2XPA9RTD')).toBe('asha@example.com');
    sessionStorage.clear();
  });

  it('lists the online payments with their refunds: refunded by Khalti, or due', async () => {
    const user = userEvent.setup();
    const attempt = {
      method: 'khalti' as const,
      amount: '210.00',
      createdAt: '2026-02-01T10:00:00.000Z',
      completedAt: '2026-02-01T10:02:00.000Z',
    };
    stubFetch(() => ({
      status: 200,
      body: buildBookingDetails({
        status: 'expired',
        tickets: [],
        canCancel: false,
        payment: buildPayment({
          method: 'khalti',
          state: 'refunded',
          attempts: [
            { ...attempt, id: 'K7QM2XPA9RTD-1', state: 'unpaid', completedAt: null, refund: null },
            {
              ...attempt,
              id: 'K7QM2XPA9RTD-2',
              state: 'completed',
              refund: { state: 'done', amount: '210.00', by: 'provider', at: '2026-02-01T10:03:00.000Z' },
            },
          ],
        }),
      }),
    }));
    renderFind('K7QM2XPA9RTD');
    await find(user, '', 'asha@example.com');
    expect(await screen.findByTestId('payment-state')).toHaveTextContent('Refunded by Khalti');
    expect(screen.getByRole('article')).toHaveTextContent('Expired: not paid in time');
    const attempts = within(screen.getByRole('list', { name: 'Online payments' })).getAllByRole('listitem');
    expect(attempts[0]).toHaveTextContent('Khalti · NPR 210.00 · not paid');
    expect(attempts[1]).toHaveTextContent('Khalti · NPR 210.00 · paid');
    expect(attempts[1]).toHaveTextContent('Refunded by Khalti: NPR 210.00');
  });
});
