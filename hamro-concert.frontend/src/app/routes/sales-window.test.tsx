import { act, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Concert } from 'hamro-concert.contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { problem, stubFetch } from '../../test/fetch-stub';
import { buildConcert, buildHold, buildSeatMap, CONCERT_ID, buildNoRoomVisit } from '../../test/fixtures';
import { renderApp } from '../../test/render';

/** 10:00 in Kathmandu (UTC+05:45) on 1 Mar 2026, two weeks before the fixture concert. */
const NOW = Date.parse('2026-03-01T04:15:00.000Z');
const inMs = (ms: number) => new Date(NOW + ms).toISOString();
const SECOND = 1000;
const MINUTE = 60 * SECOND;

const seat = (name: string) => screen.getByRole('button', { name: new RegExp(`^${name},`) });

/** The concert page's API for a concert with this window; holds answer with `hold` (default: held). */
function fakeApi(window: Partial<Concert>, hold?: () => ReturnType<typeof problem>) {
  return stubFetch(({ method, path, body }) => {
    if (path === `/concerts/${CONCERT_ID}/waiting-room`) return { status: 200, body: buildNoRoomVisit() };
    if (path === `/concerts/${CONCERT_ID}`) return { status: 200, body: buildConcert(window) };
    if (path.startsWith('/concerts?')) {
      return { status: 200, body: { data: [buildConcert(window)], page: 1, limit: 9, total: 1, totalPages: 1 } };
    }
    if (path === `/seats/concert/${CONCERT_ID}`) return { status: 200, body: buildSeatMap() };
    if (method === 'POST' && path === '/holds') {
      return hold?.() ?? { status: 201, body: buildHold((body as { seatIds: number[] }).seatIds) };
    }
    return problem(404, 'route-not-found');
  });
}

/** Moves the faked clock (and its timers) on, as the passing of time would. */
const wait = (ms: number) => act(() => vi.advanceTimersByTime(ms));

beforeEach(() => {
  // The clock moves along with real time too, so the page's own waiting (fetches, findBy) works.
  vi.useFakeTimers({ now: NOW, shouldAdvanceTime: true });
});
afterEach(() => vi.useRealTimers());

describe('before sales open', () => {
  it("shows when they open on the venue's clock and counts down, every second in the last hour, without speaking each tick", async () => {
    fakeApi({ salesOpenAt: inMs(2 * 60 * MINUTE + 3 * MINUTE) });
    renderApp(`/concert/${CONCERT_ID}`);
    await screen.findByRole('group', { name: 'VIP, row 1' });
    expect(screen.getByText(/^Sales open/)).toHaveTextContent('Sales open Sun, 1 Mar 2026 · 12:03 PM Nepal Time');
    const timer = screen.getByRole('timer');
    expect(timer).toHaveAttribute('aria-live', 'off');
    expect(timer).toHaveTextContent('2 h 03 min');
    await wait(63 * MINUTE);
    expect(timer).toHaveTextContent('1 h 00 min');
    await wait(MINUTE);
    expect(timer).toHaveTextContent('59:00');
    await wait(SECOND);
    expect(timer).toHaveTextContent('58:59');
    await wait(58 * MINUTE + 17 * SECOND);
    expect(timer).toHaveTextContent('00:42');
    // A polite live region, there from the start, speaks once: when sales open.
    const announcer = within(timer.closest('div')!).getByRole('status');
    expect(announcer).toHaveTextContent('');
    await wait(42 * SECOND);
    expect(screen.queryByRole('timer')).toBeNull();
    expect(announcer).toHaveTextContent('Sales are open: you can choose seats now.');
  });

  it('shows the seat map but no seat can be chosen; at the minute sales open it can, without a reload', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const { calls } = fakeApi({ salesOpenAt: inMs(5 * SECOND) });
    renderApp(`/concert/${CONCERT_ID}`);
    await screen.findByRole('group', { name: 'VIP, row 1' });
    const vip = seat('VIP, row 1, seat 1');
    expect(vip).toHaveAccessibleName('VIP, row 1, seat 1, NPR\u00a0100.00, not on sale');
    expect(vip).toHaveAttribute('aria-disabled', 'true');
    await user.click(vip);
    expect(screen.queryByRole('list', { name: 'Chosen seats' })).toBeNull();
    expect(screen.getByRole('button', { name: 'Choose seats to continue' })).toBeDisabled();
    expect(screen.getByText(/^Seats can be chosen once sales open, Sun, 1 Mar 2026 · 10:00 AM/)).toBeInTheDocument();
    const best = screen.getByRole('form', { name: 'Or let us pick the best seats' });
    expect(within(best).getByRole('button', { name: 'Find best available' })).toBeDisabled();
    const fetches = calls.length;

    await wait(5 * SECOND);
    expect(vip).toHaveAccessibleName('VIP, row 1, seat 1, NPR\u00a0100.00, available');
    expect(vip).not.toHaveAttribute('aria-disabled');
    expect(within(best).getByRole('button', { name: 'Find best available' })).toBeEnabled();
    await user.click(vip);
    expect(vip).toHaveAccessibleName(/selected$/);
    // A timer woke the page, not a fetch.
    expect(calls).toHaveLength(fetches);
    await user.click(screen.getByRole('button', { name: 'Continue with 1 seat · NPR\u00a0100.00' }));
    expect(await screen.findByRole('timer')).toHaveTextContent(/^(10:00|09:5\d)$/);
    expect(calls[fetches]).toMatchObject({ method: 'POST', path: '/holds', body: { seatIds: [21] } });
  });

  it('says on the card in the concert list when sales open, with the countdown', async () => {
    fakeApi({ salesOpenAt: inMs(3 * 24 * 60 * MINUTE + 4 * 60 * MINUTE) });
    renderApp('/');
    const card = await screen.findByRole('article', { name: 'Himalayan Echoes' });
    expect(card).toHaveTextContent('Sales open Wed, 4 Mar 2026 · 2:00 PM Nepal Time');
    expect(within(card).getByRole('timer')).toHaveTextContent('3 days 4 h');
  });
});

describe('outside the sales window', () => {
  it('after sales close, says so and no seat can be chosen', async () => {
    fakeApi({ salesOpenAt: inMs(-60 * MINUTE), salesCloseAt: inMs(-MINUTE) });
    renderApp(`/concert/${CONCERT_ID}`);
    await screen.findByRole('group', { name: 'VIP, row 1' });
    expect(screen.getByText('Sales have closed')).toBeInTheDocument();
    expect(seat('VIP, row 1, seat 1')).toHaveAttribute('aria-disabled', 'true');
    expect(screen.getByText('Sales have closed, so seats can no longer be chosen.')).toBeInTheDocument();
  });

  it('a presale tier sells while the rest of the concert waits, and the page says which', async () => {
    const concert = buildConcert({ salesOpenAt: inMs(60 * MINUTE) });
    fakeApi({
      salesOpenAt: concert.salesOpenAt,
      tiers: concert.tiers.map((tier) => (tier.name === 'VIP' ? { ...tier, salesOpenAt: inMs(-MINUTE) } : tier)),
    });
    renderApp(`/concert/${CONCERT_ID}`);
    await screen.findByRole('group', { name: 'VIP, row 1' });
    expect(screen.getByRole('list', { name: 'Sections with sales of their own' })).toHaveTextContent(
      'VIP: on sale now',
    );
    expect(seat('VIP, row 1, seat 1')).not.toHaveAttribute('aria-disabled');
    expect(seat('Front Row, row 1, seat 1')).toHaveAttribute('aria-disabled', 'true');
    const best = screen.getByRole('form', { name: 'Or let us pick the best seats' });
    expect(
      within(best)
        .getAllByRole('option', { name: /·/ })
        .map((option) => option.textContent),
    ).toEqual(['VIP · NPR\u00a0100.00']);
  });

  it('when the API refuses a hold because sales have not opened, says so in words', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    // The buyer's clock runs late: the page thinks sales are open, the API knows better.
    fakeApi({}, () => problem(409, 'sales-not-open'));
    renderApp(`/concert/${CONCERT_ID}`);
    await screen.findByRole('group', { name: 'VIP, row 1' });
    await user.click(seat('VIP, row 1, seat 1'));
    await user.click(screen.getByRole('button', { name: 'Continue with 1 seat · NPR\u00a0100.00' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Sales have not opened yet');
    expect(alert).toHaveTextContent('These seats are not on sale yet, so nothing was held or booked.');
  });
});
