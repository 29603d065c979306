import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { problem, stubFetch, type StubAnswer } from '../../test/fetch-stub';
import { buildBooking, buildConcert, buildHold, buildSeatMap, CONCERT_ID, buildNoRoomVisit } from '../../test/fixtures';
import { renderApp } from '../../test/render';

/** The concert page's API, with best-available holds answered by `best`. */
function fakeApi(best: (body: { ticketTierId: number; quantity: number }) => StubAnswer) {
  let held: number[] = [];
  return stubFetch(({ method, path, body }) => {
    if (path === `/concerts/${CONCERT_ID}/waiting-room`) return { status: 200, body: buildNoRoomVisit() };
    if (path === `/concerts/${CONCERT_ID}`) return { status: 200, body: buildConcert({}, [], held) };
    if (path === `/seats/concert/${CONCERT_ID}`) return { status: 200, body: buildSeatMap([], CONCERT_ID, held) };
    if (method === 'POST' && path === '/holds/best-available') {
      const answer = best(body as { ticketTierId: number; quantity: number });
      return Promise.resolve(answer).then((result) => {
        if (result.status === 201) held = (result.body as { seatIds: number[] }).seatIds;
        return result;
      });
    }
    if (method === 'DELETE') {
      held = [];
      return { status: 204, body: null };
    }
    if (method === 'POST' && path === '/ticket-bookings/seats')
      return { status: 201, body: buildBooking((body as { seatIds: number[] }).seatIds) };
    return problem(404, 'route-not-found');
  });
}

async function findBest(user: ReturnType<typeof userEvent.setup>, section: string, quantity: string) {
  const form = await screen.findByRole('form', { name: 'Or let us pick the best seats' });
  await user.selectOptions(
    within(form).getByLabelText('Section'),
    within(form).getByRole('option', { name: new RegExp(`^${section} ·`) }),
  );
  await user.selectOptions(within(form).getByLabelText('Tickets'), quantity);
  await user.click(within(form).getByRole('button', { name: 'Find best available' }));
}

afterEach(() => sessionStorage.clear());

describe('best available seats on the concert page', () => {
  it('holds the seats the system chose, shows them as the buyer’s on the map and books them with the hold token', async () => {
    const user = userEvent.setup();
    const { calls } = fakeApi(() => ({ status: 201, body: buildHold([21, 22]) }));
    renderApp(`/concert/${CONCERT_ID}`);
    await findBest(user, 'VIP', '2');

    await screen.findByRole('timer');
    expect(calls.find((call) => call.path === '/holds/best-available')?.body).toEqual({
      concertId: CONCERT_ID,
      ticketTierId: 2,
      quantity: 2,
    });
    expect(screen.getByRole('list', { name: 'Held seats' })).toHaveTextContent('VIP, row 1Seats 1, 2');
    await waitFor(() =>
      expect(screen.getByRole('button', { name: /^VIP, row 1, seat 1, NPR\s100\.00, selected$/ })).toBeInTheDocument(),
    );

    await user.type(screen.getByLabelText('Full name'), 'Asha Tamang');
    await user.type(screen.getByLabelText('Email'), 'asha@example.com');
    await user.click(screen.getByRole('button', { name: 'Book 2 seats · NPR\u00a0200.00' }));
    await screen.findByRole('dialog');
    const booking = calls.find((call) => call.path === '/ticket-bookings/seats');
    expect(booking?.body).toMatchObject({ seatIds: [21, 22], holdToken: buildHold([]).holdToken });
    expect(
      within(screen.getByRole('list', { name: 'Tickets' })).getAllByRole('img', {
        name: /^QR code of the ticket for VIP, row 1, seat \d+: TK/,
      }),
    ).toHaveLength(2);
  });

  it('says plainly when the section has too few seats left, and holds nothing', async () => {
    const user = userEvent.setup();
    fakeApi(() => problem(409, 'not-enough-seats'));
    renderApp(`/concert/${CONCERT_ID}`);
    await findBest(user, 'Front Row', '10');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Not enough seats left in that section');
    expect(alert).toHaveTextContent('Choose fewer tickets or another section');
    expect(screen.queryByRole('timer')).toBeNull();
    expect(screen.getByRole('button', { name: 'Find best available' })).toBeEnabled();
  });

  it('explains a section that is no longer on sale', async () => {
    const user = userEvent.setup();
    fakeApi(() => problem(404, 'ticket-tier-not-found'));
    renderApp(`/concert/${CONCERT_ID}`);
    await findBest(user, 'General Admission', '1');
    expect(await screen.findByRole('alert')).toHaveTextContent('That section is no longer on sale');
  });
});
