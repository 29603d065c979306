import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { problem, stubFetch, type StubAnswer } from '../../../test/fetch-stub';
import { renderWithQuery } from '../../../test/render';
import { DoorScanner } from './door-scanner';

const CODE = '0123456789abcdef0123456789abcdef';
const TOKEN = 'staff-token-0123456789';
const CONCERT = '6f1c2f7e-3b8a-4d51-9a43-2f1d8b7c5e10';

function renderDoor(answer: StubAnswer) {
  const { calls } = stubFetch(() => answer);
  const onAccessRefused = vi.fn((error: unknown) => (error as { status?: number }).status === 403);
  renderWithQuery(<DoorScanner token={TOKEN} concertId={CONCERT} onAccessRefused={onAccessRefused} />);
  return { calls, onAccessRefused };
}

async function scan(user: ReturnType<typeof userEvent.setup>, code = CODE) {
  const input = screen.getByLabelText('Ticket code');
  expect(input).toHaveFocus();
  await user.type(input, `${code}{Enter}`);
  return screen.findByTestId('scan-result');
}

describe('the door', () => {
  it('admits a valid ticket in green with the seat and name, then clears and refocuses the field', async () => {
    const user = userEvent.setup();
    const { calls } = renderDoor({
      status: 200,
      body: {
        status: 'admitted',
        seatNumber: 'V-12',
        section: 'vip',
        row: 2,
        userName: 'Asha Tamang',
        concertTitle: 'Himalayan Echoes',
        checkedInAt: '2026-03-14T13:05:00.000Z',
        collect: null,
      },
    });
    const result = await scan(user, ` ${CODE.toUpperCase()} `);
    expect(result).toHaveAttribute('data-tone', 'admitted');
    expect(result).toHaveTextContent('ADMITTED');
    expect(result).toHaveTextContent('Asha Tamang');
    expect(result).toHaveTextContent('VIP, row 2, seat 12');
    expect(calls[0]).toMatchObject({
      method: 'POST',
      path: '/check-in',
      body: { code: CODE, concertId: CONCERT },
      authorization: `Bearer ${TOKEN}`,
    });
    expect(screen.getByLabelText('Ticket code')).toHaveValue('');
    expect(screen.getByLabelText('Ticket code')).toHaveFocus();
  });

  it('shows a ticket scanned before as ALREADY USED in amber, with the time of the first scan', async () => {
    const user = userEvent.setup();
    renderDoor(problem(409, 'ticket-already-used', { firstScanAt: '2026-03-14T13:05:00.000Z' }));
    const result = await scan(user);
    expect(result).toHaveAttribute('data-tone', 'used');
    expect(result).toHaveTextContent('ALREADY USED');
    expect(result).toHaveTextContent(/first scanned 14 Mar 2026/);
  });

  it('refuses a ticket of another concert in red, naming the concert it is for', async () => {
    const user = userEvent.setup();
    renderDoor(problem(409, 'wrong-concert', { concertId: CONCERT, concertTitle: 'Phewa Nights' }));
    const result = await scan(user);
    expect(result).toHaveAttribute('data-tone', 'refused');
    expect(result).toHaveTextContent('WRONG CONCERT');
    expect(result).toHaveTextContent('This ticket is for Phewa Nights.');
  });

  it.each([
    [problem(410, 'ticket-cancelled'), 'CANCELLED'],
    [problem(404, 'ticket-not-found'), 'INVALID'],
    [problem(400, 'validation-failed'), 'INVALID'],
  ])('refuses in red: %#', async (answer, headline) => {
    const user = userEvent.setup();
    renderDoor(answer);
    const result = await scan(user);
    expect(result).toHaveAttribute('data-tone', 'refused');
    expect(result).toHaveTextContent(headline);
    expect(screen.getByLabelText('Ticket code')).toHaveFocus();
  });

  it('hands a refused staff token to the gate instead of judging the ticket', async () => {
    const user = userEvent.setup();
    const { onAccessRefused } = renderDoor(problem(403, 'forbidden'));
    await user.type(screen.getByLabelText('Ticket code'), `${CODE}{Enter}`);
    await vi.waitFor(() => expect(onAccessRefused).toHaveBeenCalled());
    expect(screen.queryByTestId('scan-result')).toBeNull();
  });
});
