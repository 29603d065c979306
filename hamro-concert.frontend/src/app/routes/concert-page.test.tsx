import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { problem, stubFetch } from '../../test/fetch-stub';
import { buildBooking, buildConcert, buildSeatMap, CONCERT_ID, seatId } from '../../test/fixtures';
import { renderApp } from '../../test/render';

const seat = (name: string) => screen.getByRole('button', { name: new RegExp(`^${name},`) });

/** A tiny stand-in for the API: concert, seat map and bookings over the same booked set. */
function fakeApi(options: { takenFirst?: number[] } = {}) {
  const booked = new Set<number>();
  let firstBooking = true;
  return stubFetch(({ method, path, body }) => {
    if (path === `/concerts/${CONCERT_ID}`) return { status: 200, body: buildConcert({}, [...booked]) };
    if (path === `/seats/concert/${CONCERT_ID}`) return { status: 200, body: buildSeatMap([...booked]) };
    if (method === 'POST' && path === '/ticket-bookings/seats') {
      const { seatIds } = body as { seatIds: number[] };
      if (firstBooking && options.takenFirst) {
        firstBooking = false;
        options.takenFirst.forEach((id) => booked.add(id));
        return problem(409, 'seat-already-booked', { seats: options.takenFirst.map((id) => ({ id, seatNumber: `V-${id - 20}` })) });
      }
      seatIds.forEach((id) => booked.add(id));
      return { status: 201, body: buildBooking(seatIds) };
    }
    return problem(404, 'route-not-found');
  });
}

async function chooseAndBook(user: ReturnType<typeof userEvent.setup>, seats: string[]) {
  for (const name of seats) await user.click(seat(name));
  await user.type(screen.getByLabelText('Full name'), 'Asha Tamang');
  await user.type(screen.getByLabelText('Email'), 'asha@example.com');
  await user.click(screen.getByRole('button', { name: /^Book / }));
}

describe('concert page', () => {
  it('books the chosen seats and refreshes the map in place', async () => {
    const user = userEvent.setup();
    const { calls } = fakeApi();
    renderApp(`/concert/${CONCERT_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Himalayan Echoes' })).toBeInTheDocument();
    await screen.findByRole('group', { name: 'VIP, row 1' });
    await chooseAndBook(user, ['VIP, row 1, seat 1', 'VIP, row 1, seat 2']);
    expect(await screen.findByRole('dialog')).toHaveTextContent('K7QM2XPA9RTD');
    await waitFor(() => expect(seat('VIP, row 1, seat 1')).toHaveAccessibleName(/booked$/));
    expect(seat('VIP, row 1, seat 2')).toHaveAccessibleName(/booked$/);
    expect(screen.getByText('98 tickets left')).toBeInTheDocument();
    expect(calls.filter((c) => c.path.startsWith('/seats/')).length).toBeGreaterThanOrEqual(2);
  });

  it('when someone else took a seat first, drops it, refreshes the map and keeps the rest', async () => {
    const user = userEvent.setup();
    fakeApi({ takenFirst: [seatId.vip(2)] });
    renderApp(`/concert/${CONCERT_ID}`);
    await screen.findByRole('group', { name: 'VIP, row 1' });
    await chooseAndBook(user, ['VIP, row 1, seat 1', 'VIP, row 1, seat 2', 'VIP, row 1, seat 3']);
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Someone else booked VIP, row 1, seat 2 a moment before you.');
    await waitFor(() => expect(seat('VIP, row 1, seat 2')).toHaveAccessibleName(/booked$/));
    const chosen = within(screen.getByRole('list', { name: 'Chosen seats' }));
    expect(chosen.getAllByRole('listitem').map((item) => item.firstChild?.textContent)).toEqual([
      'VIP, row 1, seat 1',
      'VIP, row 1, seat 3',
    ]);
    expect(screen.getByLabelText('Full name')).toHaveValue('Asha Tamang');
    await user.click(screen.getByRole('button', { name: 'Book 2 seats · $200.00' }));
    expect(await screen.findByRole('dialog')).toHaveTextContent('Seats 1, 3');
  });

  it('says when the concert does not exist', async () => {
    stubFetch(() => problem(404, 'concert-not-found'));
    renderApp('/concert/00000000-0000-4000-8000-000000000000');
    expect(await screen.findByRole('heading', { name: "We couldn't find this concert" })).toBeInTheDocument();
  });
});
