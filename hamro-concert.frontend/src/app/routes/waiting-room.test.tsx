import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Visit } from 'hamro-concert.contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { problem, stubFetch, type StubRequest } from '../../test/fetch-stub';
import {
  buildAdmittedVisit,
  buildBooking,
  buildConcert,
  buildHold,
  buildSeatMap,
  buildVisit,
  CONCERT_ID,
} from '../../test/fixtures';
import { renderApp } from '../../test/render';

/** 09:44:50 in Kathmandu (UTC+05:45) on 1 Mar 2026: the line opens ten seconds later. */
const NOW = Date.parse('2026-03-01T03:59:50.000Z');
const inMs = (ms: number) => new Date(NOW + ms).toISOString();
const SECOND = 1000;
const TICKET_KEY = `hamro.queueTicket.${CONCERT_ID}`;
const OLD_TICKET = 'b2xkLXRpY2tldC1vZi1hc2hh.c2lnbmF0dXJl';
const NEW_TICKET = 'bmV3LXRpY2tldC1vZi1hc2hh.c2lnbmF0dXJl';
const PASS = buildAdmittedVisit().pass;

const wait = (ms: number) => act(() => vi.advanceTimersByTime(ms));
const seat = (name: string) => screen.getByRole('button', { name: new RegExp(`^${name},`) });

/**
 * The concert page's API with a waiting room whose answers the test sets: `room.visit` is what
 * GET …/waiting-room says next, `room.joined` what joining gives. Holds and bookings need the pass.
 */
function fakeApi(first: Visit, concert = buildConcert()) {
  const room: { visit: Visit; joined: Visit } = {
    visit: first,
    joined: buildVisit({ ticket: NEW_TICKET, position: null, ahead: null, estimatedWaitSeconds: null }),
  };
  const admitted = (request: StubRequest) => request.headers.get('Admission-Pass') === PASS;
  const stub = stubFetch((request) => {
    const { method, path, body } = request;
    if (path === `/concerts/${CONCERT_ID}/waiting-room`) return { status: 200, body: room.visit };
    if (method === 'POST' && path === `/concerts/${CONCERT_ID}/waiting-room/join`) {
      room.visit = room.joined;
      return { status: 201, body: room.joined };
    }
    if (path === `/concerts/${CONCERT_ID}`) return { status: 200, body: concert };
    if (path === `/seats/concert/${CONCERT_ID}`) return { status: 200, body: buildSeatMap() };
    if (method === 'POST' && path === '/holds') {
      if (!admitted(request)) return problem(403, 'admission-required');
      return { status: 201, body: buildHold((body as { seatIds: number[] }).seatIds) };
    }
    if (method === 'POST' && path === '/ticket-bookings/seats') {
      if (!admitted(request)) return problem(403, 'admission-required');
      room.visit = buildVisit({ state: 'expired', pass: null, position: null, ahead: null, pollAfterSeconds: 60 });
      return { status: 201, body: buildBooking((body as { seatIds: number[] }).seatIds) };
    }
    if (method === 'DELETE') return { status: 204, body: null };
    return problem(404, 'route-not-found');
  });
  const visits = () => stub.calls.filter((call) => call.path.endsWith('/waiting-room'));
  const joins = () => stub.calls.filter((call) => call.path.endsWith('/waiting-room/join'));
  return { room, calls: stub.calls, visits, joins };
}

beforeEach(() => {
  vi.useFakeTimers({ now: NOW, shouldAdvanceTime: true });
});
afterEach(() => {
  vi.useRealTimers();
  localStorage.clear();
});

describe('the waiting room on the concert page', () => {
  it("before the line opens, says when on the venue's clock, counts down, and at that moment joins by itself", async () => {
    const notYet = buildVisit({
      state: 'not-yet',
      joinsFrom: inMs(10 * SECOND),
      opensAt: inMs(15 * 60 * SECOND + 10 * SECOND),
      ticket: null,
      place: null,
      position: null,
      ahead: null,
      estimatedWaitSeconds: null,
      waiting: 0,
      pollAfterSeconds: 60,
    });
    const api = fakeApi(notYet, buildConcert({ salesOpenAt: notYet.opensAt }));
    renderApp(`/concert/${CONCERT_ID}`);
    expect(await screen.findByRole('heading', { name: 'The waiting room opens soon' })).toBeInTheDocument();
    // The concert's own notice says when sales open, but not that its seat map can be looked at.
    expect(screen.getByText(/^Sales open/)).toHaveTextContent('Sales open Sun, 1 Mar 2026 · 10:00 AM Nepal Time');
    expect(screen.queryByText(/You can look at the seat map now/)).toBeNull();
    expect(screen.getByText(/^Lots of people want these tickets/)).toHaveTextContent(
      'The line opens Sun, 1 Mar 2026 · 9:45 AM Nepal Time.',
    );
    const timer = within(screen.getByText(/^Joining opens in/)).getByRole('timer');
    expect(timer).toHaveAttribute('aria-live', 'off');
    expect(timer).toHaveTextContent('00:10');
    expect(screen.queryByRole('group', { name: 'VIP, row 1' })).toBeNull();
    expect(api.calls.some((call) => call.path.startsWith('/seats/'))).toBe(false);

    api.room.visit = buildVisit({ ...notYet, state: 'joinable', pollAfterSeconds: 5 });
    await wait(10 * SECOND + 300);
    expect(await screen.findByRole('heading', { name: "You're in the waiting room" })).toBeInTheDocument();
    expect(api.joins()).toHaveLength(1);
    expect(localStorage.getItem(TICKET_KEY)).toBe(NEW_TICKET);
    expect(screen.getByText(/^Places in line are drawn at random at the opening/)).toHaveTextContent(
      'drawn at random at the opening, Sun, 1 Mar 2026 · 10:00 AM Nepal Time.',
    );
  });

  it('in line: the number, those ahead and the wait, live; only a new number is announced; at the turn, the seats by themselves', async () => {
    localStorage.setItem(TICKET_KEY, OLD_TICKET);
    const api = fakeApi(buildVisit({ ticket: OLD_TICKET, position: 3, ahead: 2, estimatedWaitSeconds: 200 }));
    renderApp(`/concert/${CONCERT_ID}`);
    await screen.findByRole('heading', { name: "You're in the waiting room" });
    const value = (term: string) => screen.getByText(term).nextElementSibling;
    expect(value('Your number in line')).toHaveTextContent('3');
    expect(value('Ahead of you')).toHaveTextContent('2 people');
    expect(value('Estimated wait')).toHaveTextContent('about 3 minutes');
    const announcer = screen.getByText('You are number 3 in line.');
    expect(announcer).toHaveAttribute('role', 'status');
    // Coming back with the ticket keeps the place: it is sent, and nobody joins again.
    expect(api.visits()[0]?.headers.get('Queue-Ticket')).toBe(OLD_TICKET);
    expect(api.joins()).toHaveLength(0);

    api.room.visit = buildVisit({ ticket: OLD_TICKET, position: 3, ahead: 2, waiting: 39, paused: true });
    api.room.visit.estimatedWaitSeconds = null;
    await wait(2 * SECOND);
    await waitFor(() => expect(value('Estimated wait')).toHaveTextContent('Paused'));
    expect(screen.getByText(/^The organizer has paused admissions/)).toBeInTheDocument();
    expect(announcer).toHaveTextContent('You are number 3 in line.');

    api.room.visit = buildVisit({ ticket: OLD_TICKET, position: 1, ahead: 0, estimatedWaitSeconds: 3 });
    await wait(2 * SECOND);
    await waitFor(() => expect(value('Your number in line')).toHaveTextContent('1'));
    expect(value('Estimated wait')).toHaveTextContent('less than a minute');
    expect(announcer).toHaveTextContent('You are number 1 in line.');
    expect(screen.queryByText(/^The organizer has paused admissions/)).toBeNull();

    api.room.visit = buildAdmittedVisit({ ticket: OLD_TICKET });
    await wait(2 * SECOND);
    expect(await screen.findByRole('group', { name: 'VIP, row 1' })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: "You're in the waiting room" })).toBeNull();
    expect(announcer).toHaveTextContent("It's your turn: choose your seats.");
    expect(screen.getByText("It's your turn to choose seats").parentElement).toHaveTextContent(
      'Your turn lasts until Sun, 1 Mar 2026 · 10:15 AM Nepal Time',
    );
  });

  it('during the turn, holds and bookings carry the pass; after booking, the confirmation stays until closed, then the turn has ended', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    localStorage.setItem(TICKET_KEY, OLD_TICKET);
    const api = fakeApi(buildAdmittedVisit({ ticket: OLD_TICKET }));
    renderApp(`/concert/${CONCERT_ID}`);
    await screen.findByRole('group', { name: 'VIP, row 1' });
    const asked = api.visits().length;
    await user.click(seat('VIP, row 1, seat 1'));
    await user.click(screen.getByRole('button', { name: 'Continue with 1 seat · NPR\u00a0100.00' }));
    await screen.findByRole('timer');
    // The hold renewed the pass: the room is asked again for it.
    await waitFor(() => expect(api.visits().length).toBeGreaterThan(asked));

    await user.type(screen.getByLabelText('Full name'), 'Asha Tamang');
    await user.type(screen.getByLabelText('Email'), 'asha@example.com');
    const beforeBooking = api.visits().length;
    await user.click(screen.getByRole('button', { name: 'Book 1 seat · NPR\u00a0100.00' }));
    const dialog = await screen.findByRole('dialog');
    const sent = api.calls.filter((call) => call.method === 'POST').map((call) => call.headers.get('Admission-Pass'));
    expect(sent).toEqual([PASS, PASS]);
    // The booking ended the pass; the page has heard so, but the confirmation stays.
    await waitFor(() => expect(api.visits().length).toBeGreaterThan(beforeBooking));
    await wait(100);
    expect(dialog).toBeInTheDocument();
    await user.click(within(dialog).getByRole('button', { name: 'Done' }));
    expect(await screen.findByRole('heading', { name: 'Your turn has ended' })).toBeInTheDocument();
  });

  it('when the turn has ended, Join again queues the visitor at the back with a new ticket', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    localStorage.setItem(TICKET_KEY, OLD_TICKET);
    const api = fakeApi(buildVisit({ state: 'expired', ticket: OLD_TICKET, position: null, pollAfterSeconds: 60 }));
    renderApp(`/concert/${CONCERT_ID}`);
    await screen.findByRole('heading', { name: 'Your turn has ended' });
    expect(screen.getByText(/^A turn ends with a booking/)).toBeInTheDocument();
    expect(screen.queryByRole('group', { name: 'VIP, row 1' })).toBeNull();
    api.room.joined = buildVisit({ ticket: NEW_TICKET, position: 40, ahead: 39, estimatedWaitSeconds: 120 });
    await user.click(screen.getByRole('button', { name: 'Join again' }));
    expect(await screen.findByRole('heading', { name: "You're in the waiting room" })).toBeInTheDocument();
    expect(screen.getByText('You are number 40 in line.')).toBeInTheDocument();
    expect(api.joins()[0]?.headers.get('Queue-Ticket')).toBe(OLD_TICKET);
    expect(localStorage.getItem(TICKET_KEY)).toBe(NEW_TICKET);
  });

  it('when a hold is refused for want of a pass, the visitor goes back to the room', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    // The page last heard of no room; the organizer has just turned one on.
    const api = fakeApi(
      buildVisit({ state: 'off', ticket: null, position: null, ahead: null, opensAt: null, joinsFrom: null }),
    );
    renderApp(`/concert/${CONCERT_ID}`);
    await screen.findByRole('group', { name: 'VIP, row 1' });
    api.room.visit = buildVisit({ state: 'joinable', ticket: null, position: null, ahead: null });
    await user.click(seat('VIP, row 1, seat 1'));
    await user.click(screen.getByRole('button', { name: 'Continue with 1 seat · NPR\u00a0100.00' }));
    expect(await screen.findByRole('heading', { name: "You're in the waiting room" })).toBeInTheDocument();
    expect(api.joins()).toHaveLength(1);
    expect(api.calls.find((call) => call.path === '/holds')?.headers.has('Admission-Pass')).toBe(false);
  });
});
