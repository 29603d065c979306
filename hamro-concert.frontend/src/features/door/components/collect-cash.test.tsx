import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Admission } from 'hamro-concert.contracts';
import { describe, expect, it, vi } from 'vitest';
import { problem, stubFetch, type StubAnswer } from '../../../test/fetch-stub';
import { renderWithQuery } from '../../../test/render';
import { DoorScanner } from './door-scanner';

const CODE = '0123456789abcdef0123456789abcdef';
const OTHER_CODE = 'fedcba9876543210fedcba9876543210';
const TOKEN = 'staff-token-0123456789';
const CONCERT = '6f1c2f7e-3b8a-4d51-9a43-2f1d8b7c5e10';
const REFERENCE = 'K7QM2XPA9RTD';

function admission(collect: Admission['collect']): Admission {
  return {
    status: 'admitted',
    seatNumber: 'V-12',
    section: 'vip',
    row: 2,
    userName: 'Asha Tamang',
    concertTitle: 'Himalayan Echoes',
    checkedInAt: '2026-03-14T13:05:00.000Z',
    collect,
  };
}

const TO_COLLECT = { amount: '3500.00', currency: 'NPR', bookingReference: REFERENCE };

function renderDoor({ cash, checkIns }: { cash?: () => StubAnswer; checkIns: Admission[] }) {
  const queue = [...checkIns];
  const { calls } = stubFetch(({ path }) => {
    if (path === '/check-in') return { status: 200, body: queue.shift() };
    if (path === `/bookings/${REFERENCE}/cash`) {
      return (
        cash?.() ?? {
          status: 200,
          body: { reference: REFERENCE, amount: '3500.00', collectedAt: '2026-03-14T13:06:00.000Z' },
        }
      );
    }
    return problem(404, 'route-not-found');
  });
  const onAccessRefused = vi.fn(() => false);
  renderWithQuery(<DoorScanner token={TOKEN} concertId={CONCERT} onAccessRefused={onAccessRefused} />);
  return { calls };
}

async function scan(user: ReturnType<typeof userEvent.setup>, code = CODE) {
  await user.type(screen.getByLabelText('Ticket code'), `${code}{Enter}`);
  return screen.findByTestId('scan-result');
}

describe('cash at the door', () => {
  it('a ticket of a booking paid at the door asks for the cash; Cash collected records it with the staff token', async () => {
    const user = userEvent.setup();
    const { calls } = renderDoor({ checkIns: [admission(TO_COLLECT)] });
    expect(await scan(user)).toHaveTextContent('ADMITTED');
    const panel = screen.getByTestId('collect-cash');
    expect(within(panel).getByRole('alert')).toHaveTextContent('Collect NPR 3,500.00 in cash');
    expect(panel).toHaveTextContent(`Booking ${REFERENCE} pays at the door.`);

    await user.click(within(panel).getByRole('button', { name: 'Cash collected' }));
    expect(await screen.findByText(/Cash recorded: NPR.3,500\.00 for booking K7QM2XPA9RTD\./)).toHaveAttribute(
      'role',
      'status',
    );
    expect(screen.queryByRole('button', { name: 'Cash collected' })).toBeNull();
    expect(calls.find((call) => call.path.endsWith('/cash'))).toMatchObject({
      method: 'POST',
      path: `/bookings/${REFERENCE}/cash`,
      authorization: `Bearer ${TOKEN}`,
    });
    expect(screen.getByLabelText('Ticket code')).toHaveFocus();
  });

  it('a ticket with nothing to collect shows no cash panel, and the next scan clears an earlier one', async () => {
    const user = userEvent.setup();
    renderDoor({ checkIns: [admission(TO_COLLECT), admission(null)] });
    await scan(user);
    expect(screen.getByTestId('collect-cash')).toBeInTheDocument();
    await scan(user, OTHER_CODE);
    await vi.waitFor(() => expect(screen.queryByTestId('collect-cash')).toBeNull());
  });

  it('when the cash was recorded already (409 nothing-to-collect), says to take no cash', async () => {
    const user = userEvent.setup();
    renderDoor({ checkIns: [admission(TO_COLLECT)], cash: () => problem(409, 'nothing-to-collect') });
    await scan(user);
    await user.click(screen.getByRole('button', { name: 'Cash collected' }));
    const alert = await within(screen.getByTestId('collect-cash')).findByText('Nothing to collect');
    expect(alert.parentElement).toHaveTextContent('take no cash for it');
  });
});
