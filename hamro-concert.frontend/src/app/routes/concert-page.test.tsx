import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { problem, stubFetch } from '../../test/fetch-stub';
import {
  buildBooking,
  buildConcert,
  buildHold,
  buildSeatMap,
  CONCERT_ID,
  buildNoRoomVisit,
  seatId,
} from '../../test/fixtures';
import { renderApp } from '../../test/render';

const seat = (name: string) => screen.getByRole('button', { name: new RegExp(`^${name},`) });

/** A tiny stand-in for the API: concert, seat map, holds and bookings over the same booked and held sets. */
function fakeApi(options: { takenFirst?: number[] } = {}) {
  const booked = new Set<number>();
  let held: number[] = [];
  let firstBooking = true;
  return stubFetch(({ method, path, body }) => {
    if (path === `/concerts/${CONCERT_ID}/waiting-room`) return { status: 200, body: buildNoRoomVisit() };
    if (path === `/concerts/${CONCERT_ID}`) return { status: 200, body: buildConcert({}, [...booked], held) };
    if (path === `/seats/concert/${CONCERT_ID}`)
      return { status: 200, body: buildSeatMap([...booked], CONCERT_ID, held) };
    if (method === 'POST' && path === '/holds') {
      held = (body as { seatIds: number[] }).seatIds;
      return { status: 201, body: buildHold(held) };
    }
    if (method === 'DELETE' && path.startsWith('/holds/')) {
      held = [];
      return { status: 204, body: null };
    }
    if (method === 'POST' && path === '/ticket-bookings/seats') {
      const { seatIds } = body as { seatIds: number[] };
      held = [];
      if (firstBooking && options.takenFirst) {
        firstBooking = false;
        options.takenFirst.forEach((id) => booked.add(id));
        return problem(409, 'seat-already-booked', {
          seats: options.takenFirst.map((id) => ({ id, seatNumber: `V-${id - 20}` })),
        });
      }
      seatIds.forEach((id) => booked.add(id));
      return { status: 201, body: buildBooking(seatIds) };
    }
    return problem(404, 'route-not-found');
  });
}

async function chooseAndBook(user: ReturnType<typeof userEvent.setup>, seats: string[]) {
  for (const name of seats) await user.click(seat(name));
  await user.click(screen.getByRole('button', { name: /^Continue with / }));
  await screen.findByRole('timer');
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
    await user.click(screen.getByRole('button', { name: 'Continue with 2 seats · NPR\u00a0200.00' }));
    expect(await screen.findByLabelText('Full name')).toHaveValue('Asha Tamang');
    await user.click(screen.getByRole('button', { name: 'Book 2 seats · NPR\u00a0200.00' }));
    expect(await screen.findByRole('dialog')).toHaveTextContent('Seats 1, 3');
  });

  it("while seats are held, shows them as the buyer's own and ignores clicks on the map; Change seats gives them back", async () => {
    const user = userEvent.setup();
    const { calls } = fakeApi();
    const { client } = renderApp(`/concert/${CONCERT_ID}`);
    await screen.findByRole('group', { name: 'VIP, row 1' });
    await user.click(seat('VIP, row 1, seat 1'));
    await user.click(screen.getByRole('button', { name: 'Continue with 1 seat · NPR\u00a0100.00' }));
    await screen.findByRole('timer');
    await client.refetchQueries({ queryKey: ['seat-map', CONCERT_ID] });
    expect(seat('VIP, row 1, seat 1')).toHaveAccessibleName(/selected$/);
    await user.click(seat('VIP, row 1, seat 2'));
    expect(seat('VIP, row 1, seat 2')).toHaveAccessibleName(/available$/);
    await user.click(screen.getByRole('button', { name: 'Change seats' }));
    await waitFor(() => expect(calls.some((c) => c.method === 'DELETE')).toBe(true));
    expect(seat('VIP, row 1, seat 1')).toHaveAccessibleName(/selected$/);
    expect(screen.getByRole('list', { name: 'Chosen seats' })).toHaveTextContent('VIP, row 1, seat 1');
  });

  it('says when the concert does not exist', async () => {
    stubFetch(() => problem(404, 'concert-not-found'));
    renderApp('/concert/00000000-0000-4000-8000-000000000000');
    expect(await screen.findByRole('heading', { name: "We couldn't find this concert" })).toBeInTheDocument();
  });
});
