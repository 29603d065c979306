import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Room } from 'hamro-concert.contracts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { problem, stubFetch } from '../../../test/fetch-stub';
import { CONCERT_ID } from '../../../test/fixtures';
import { renderWithQuery } from '../../../test/render';
import { WaitingRoomPanel } from './waiting-room-panel';

const TOKEN = 'organizer-token-0123456789';
const ROOM_PATH = `/admin/concerts/${CONCERT_ID}/waiting-room`;

/** A room that is on: admissions began at 10:00 in Kathmandu, visitors joined from 09:45. */
function buildRoom(overrides: Partial<Room> = {}): Room {
  return {
    concertId: CONCERT_ID,
    enabled: true,
    admitPerMinute: 300,
    maxShopping: 1000,
    paused: false,
    joinMinutesBefore: 30,
    passMinutes: 10,
    opensAt: '2026-03-01T04:15:00.000Z',
    joinsFrom: '2026-03-01T03:45:00.000Z',
    waiting: 2210,
    shopping: 640,
    admitted: 1780,
    admittedLastMinute: 300,
    ...overrides,
  };
}

/** The organizer's room API: GET answers `room.current`, PUT saves the settings into it. */
function fakeApi(first: Room, answer?: () => ReturnType<typeof problem>) {
  const room = { current: first };
  const stub = stubFetch(({ method, path, body }) => {
    if (path !== ROOM_PATH) return problem(404, 'route-not-found');
    if (answer) return answer();
    if (method === 'PUT') room.current = { ...room.current, ...(body as Partial<Room>) };
    return { status: 200, body: room.current };
  });
  const gets = () => stub.calls.filter((call) => call.method === 'GET');
  const puts = () => stub.calls.filter((call) => call.method === 'PUT');
  return { room, calls: stub.calls, gets, puts };
}

function renderPanel() {
  const onAccessRefused = vi.fn(() => true);
  renderWithQuery(
    <WaitingRoomPanel
      concertId={CONCERT_ID}
      title="Himalayan Echoes"
      timeZone="Asia/Kathmandu"
      token={TOKEN}
      onAccessRefused={onAccessRefused}
    />,
  );
  return { onAccessRefused };
}

const figure = (term: string) => screen.getByText(term).nextElementSibling;
const wait = (ms: number) => act(() => vi.advanceTimersByTime(ms));

async function openPanel(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Waiting room of Himalayan Echoes' }));
  return within(await screen.findByRole('form', { name: 'Waiting room settings of Himalayan Echoes' }));
}

beforeEach(() => vi.useFakeTimers({ shouldAdvanceTime: true }));
afterEach(() => vi.useRealTimers());

describe("the organizer's waiting room panel", () => {
  it('closed it asks nothing; open it shows the live figures, fetched with the token, every 2 s', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const api = fakeApi(buildRoom());
    renderPanel();
    const toggle = screen.getByRole('button', { name: 'Waiting room of Himalayan Echoes' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    expect(api.calls).toHaveLength(0);

    await openPanel(user);
    expect(toggle).toHaveAttribute('aria-expanded', 'true');
    expect(figure('Waiting')).toHaveTextContent('2,210');
    expect(figure('Shopping now')).toHaveTextContent('640');
    expect(figure('Admitted in the last minute')).toHaveTextContent('300');
    expect(figure('Admitted in all')).toHaveTextContent('1,780');
    expect(screen.getByText(/^Visitors join from/)).toHaveTextContent(
      'Visitors join from Sun, 1 Mar 2026 · 9:30 AM Nepal Time; admissions begin Sun, 1 Mar 2026 · 10:00 AM Nepal Time.',
    );
    expect(api.gets()[0]?.authorization).toBe(`Bearer ${TOKEN}`);

    api.room.current = buildRoom({ waiting: 2150, shopping: 660, admitted: 1840 });
    await wait(2_000);
    await waitFor(() => expect(figure('Waiting')).toHaveTextContent('2,150'));
    expect(figure('Admitted in all')).toHaveTextContent('1,840');
    expect(api.gets()).toHaveLength(2);

    await user.click(toggle);
    await wait(4_000);
    expect(api.gets()).toHaveLength(2);
  });

  it('turns the room on with its rates, keeping the times it does not show', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const api = fakeApi(buildRoom({ enabled: false, waiting: 0, shopping: 0, admitted: 0, admittedLastMinute: 0 }));
    renderPanel();
    const form = await openPanel(user);
    expect(screen.queryByRole('button', { name: 'Pause admissions' })).toBeNull();
    await user.click(form.getByLabelText('Waiting room on'));
    await user.clear(form.getByLabelText('Admitted per minute'));
    await user.type(form.getByLabelText('Admitted per minute'), '20');
    await user.clear(form.getByLabelText('Most shopping at once'));
    await user.type(form.getByLabelText('Most shopping at once'), '50');
    await user.click(form.getByRole('button', { name: 'Save waiting room' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Saved. The waiting room is on.');
    expect(api.puts()[0]).toMatchObject({
      authorization: `Bearer ${TOKEN}`,
      body: {
        enabled: true,
        admitPerMinute: 20,
        maxShopping: 50,
        paused: false,
        joinMinutesBefore: 30,
        passMinutes: 10,
      },
    });
    expect(screen.getByRole('button', { name: 'Pause admissions' })).toBeInTheDocument();
  });

  it('during the sale, a typed rate survives the refreshes until saved; pause and resume act at once', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const api = fakeApi(buildRoom());
    renderPanel();
    const form = await openPanel(user);
    const rate = form.getByLabelText('Admitted per minute');
    await user.clear(rate);
    await user.type(rate, '450');
    api.room.current = buildRoom({ waiting: 2000 });
    await wait(2_000);
    await waitFor(() => expect(figure('Waiting')).toHaveTextContent('2,000'));
    expect(rate).toHaveValue('450');
    await user.click(form.getByRole('button', { name: 'Save waiting room' }));
    await waitFor(() => expect(api.puts()).toHaveLength(1));
    expect(api.puts()[0]?.body).toMatchObject({ admitPerMinute: 450, maxShopping: 1000, enabled: true });

    expect(screen.getByText('Admitting buyers.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Pause admissions' }));
    expect(await screen.findByText('Admissions are paused.')).toBeInTheDocument();
    expect(api.puts()[1]?.body).toMatchObject({ paused: true, admitPerMinute: 450 });
    await user.click(screen.getByRole('button', { name: 'Resume admissions' }));
    expect(await screen.findByText('Admitting buyers.')).toBeInTheDocument();
    expect(api.puts()[2]?.body).toMatchObject({ paused: false });
  });

  it('refuses a rate that is not a whole number from 1, and sends nothing', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    const api = fakeApi(buildRoom());
    renderPanel();
    const form = await openPanel(user);
    await user.clear(form.getByLabelText('Admitted per minute'));
    await user.type(form.getByLabelText('Admitted per minute'), '2.5');
    await user.clear(form.getByLabelText('Most shopping at once'));
    await user.type(form.getByLabelText('Most shopping at once'), '0');
    await user.click(form.getByRole('button', { name: 'Save waiting room' }));
    expect(form.getByLabelText('Admitted per minute')).toHaveAccessibleDescription('Enter a whole number.');
    expect(form.getByLabelText('Most shopping at once')).toHaveAccessibleDescription('At least 1.');
    expect(api.puts()).toHaveLength(0);
  });

  it('a refused token goes back to the sign-in gate', async () => {
    const user = userEvent.setup({ advanceTimers: vi.advanceTimersByTime });
    fakeApi(buildRoom(), () => problem(403, 'forbidden'));
    const { onAccessRefused } = renderPanel();
    await user.click(screen.getByRole('button', { name: 'Waiting room of Himalayan Echoes' }));
    await waitFor(() => expect(onAccessRefused).toHaveBeenCalled());
  });
});
