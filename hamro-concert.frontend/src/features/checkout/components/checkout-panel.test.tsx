import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it, vi, type Mock } from 'vitest';
import { problem, stubFetch, type StubAnswer, type StubRequest } from '../../../test/fetch-stub';
import { buildBooking, buildHold, CONCERT_ID, HOLD_TOKEN } from '../../../test/fixtures';
import { renderWithQuery } from '../../../test/render';
import { useSeatHold } from '../hooks/use-seat-hold';
import type { CheckoutSeat } from '../lib/checkout-seat';
import { CheckoutPanel } from './checkout-panel';

const SEATS: CheckoutSeat[] = [
  {
    id: 31,
    sectionName: 'VIP',
    row: 2,
    number: '11',
    place: 'VIP, row 2, seat 11',
    priceCents: 10000,
    currency: 'NPR',
  },
  {
    id: 32,
    sectionName: 'VIP',
    row: 2,
    number: '12',
    place: 'VIP, row 2, seat 12',
    priceCents: 10000,
    currency: 'NPR',
  },
  {
    id: 41,
    sectionName: 'General Admission',
    row: 1,
    number: '1',
    place: 'General Admission, row 1, seat 1',
    priceCents: 1000,
    currency: 'NPR',
  },
];

type Handlers = Record<
  'onBooked' | 'onSeatsTaken' | 'onSeatsChanged' | 'onHoldChanged' | 'onAdmissionRequired',
  Mock<(seatIds?: number[]) => void>
>;

const PASS = 'cGFzcy1vZi1hc2hh.c2lnbmF0dXJl';

/** The checkout as the concert page composes it: the hold hook and the panel, with the waiting room's pass if any. */
function Checkout({ seats, handlers, pass }: { seats: CheckoutSeat[]; handlers: Handlers; pass: string | null }) {
  const seatHold = useSeatHold(
    {
      onSeatsTaken: handlers.onSeatsTaken,
      onSeatsChanged: async () => handlers.onHoldChanged(),
      onAdmissionRequired: () => handlers.onAdmissionRequired(),
    },
    pass,
  );
  return (
    <CheckoutPanel
      admissionPass={pass}
      onAdmissionRequired={() => handlers.onAdmissionRequired()}
      concertId={CONCERT_ID}
      seatHold={seatHold}
      seats={seats}
      concertTitle="Himalayan Echoes"
      concertWhen="Sat, 14 Mar 2026 · 7:00 PM"
      findBookingHref={(reference) => `/find-booking?reference=${reference}`}
      paymentHref={(reference) => `/payment?reference=${reference}`}
      onBooked={handlers.onBooked}
      onSeatsTaken={handlers.onSeatsTaken}
      onSeatsChanged={handlers.onSeatsChanged}
    />
  );
}

interface FakeApi {
  hold?: (request: StubRequest) => StubAnswer;
  book?: (request: StubRequest) => StubAnswer;
  release?: () => StubAnswer;
  holdSeconds?: number;
}

/** A stand-in API: holds, their release, and bookings. */
function fakeApi({ hold, book, release, holdSeconds = 600 }: FakeApi = {}) {
  return stubFetch((request) => {
    if (request.method === 'POST' && request.path === '/holds') {
      return (
        hold?.(request) ?? {
          status: 201,
          body: buildHold((request.body as { seatIds: number[] }).seatIds, holdSeconds),
        }
      );
    }
    if (request.method === 'DELETE') return release?.() ?? { status: 204, body: null };
    return book?.(request) ?? { status: 201, body: buildBooking([31, 32, 41], { holdOutcome: 'confirmed-hold' }) };
  });
}

function renderCheckout(seats: CheckoutSeat[] = SEATS, pass: string | null = null) {
  const handlers: Handlers = {
    onBooked: vi.fn(),
    onSeatsTaken: vi.fn(),
    onSeatsChanged: vi.fn(),
    onHoldChanged: vi.fn(),
    onAdmissionRequired: vi.fn(),
  };
  return {
    ...handlers,
    ...renderWithQuery(
      <MemoryRouter>
        <Checkout seats={seats} handlers={handlers} pass={pass} />
      </MemoryRouter>,
    ),
  };
}

async function holdSeats(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: 'Continue with 3 seats · NPR\u00a0210.00' }));
  await screen.findByRole('timer');
}

async function fillDetails(user: ReturnType<typeof userEvent.setup>) {
  await user.type(screen.getByLabelText('Full name'), 'Asha Tamang');
  await user.type(screen.getByLabelText('Email'), 'asha@example.com');
}

const deletes = (calls: StubRequest[]) => calls.filter((call) => call.method === 'DELETE');

describe('holding seats', () => {
  it('says what Continue will hold, and cannot continue without seats', () => {
    fakeApi();
    renderCheckout([]);
    expect(screen.getByRole('button', { name: 'Choose seats to continue' })).toBeDisabled();
    expect(screen.queryByLabelText('Full name')).toBeNull();
  });

  it('on Continue holds the seats with an idempotency key, then shows the countdown beside the details form', async () => {
    const user = userEvent.setup();
    const { calls } = fakeApi();
    renderCheckout();
    await holdSeats(user);
    expect(calls[0]).toMatchObject({
      method: 'POST',
      path: '/holds',
      body: { concertId: CONCERT_ID, seatIds: [31, 32, 41] },
    });
    expect(calls[0]?.idempotencyKey).toMatch(/^[0-9a-f-]{32,36}$/);
    expect(screen.getByRole('timer')).toHaveTextContent(/^(10:00|09:5\d)$/);
    expect(screen.getByText('Your seats are held for')).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('');
    expect(screen.getByRole('list', { name: 'Held seats' })).toHaveTextContent('VIP, row 2Seats 11, 12');
    expect(screen.getByRole('heading', { name: 'Your details' })).toHaveFocus();
    expect(screen.getByRole('button', { name: 'Book 3 seats · NPR\u00a0210.00' })).toBeEnabled();
  });

  it('announces once when a minute is left, not every second', async () => {
    const user = userEvent.setup();
    fakeApi({ holdSeconds: 59 });
    renderCheckout();
    await holdSeats(user);
    expect(screen.getByRole('status')).toHaveTextContent('Less than a minute left to book your held seats.');
    expect(screen.getByText('Hurry: your seats are held for')).toBeInTheDocument();
  });

  it('when the hold runs out, says so, gives the seats back to the map and lets the buyer continue again', async () => {
    const user = userEvent.setup();
    const { calls } = fakeApi({ holdSeconds: 1 });
    const { onHoldChanged } = renderCheckout();
    await holdSeats(user);
    const alert = await screen.findByRole('alert', {}, { timeout: 4_000 });
    expect(alert).toHaveTextContent('Your hold ran out');
    expect(alert).toHaveTextContent('Nothing was booked, and the seats went back on the map');
    expect(screen.queryByRole('timer')).toBeNull();
    expect(deletes(calls)).toMatchObject([{ path: `/holds/${HOLD_TOKEN}` }]);
    await waitFor(() => expect(onHoldChanged).toHaveBeenCalledTimes(2));
    expect(screen.getByRole('button', { name: 'Continue with 3 seats · NPR\u00a0210.00' })).toHaveFocus();
  });

  it('Change seats gives the hold back; so does leaving the checkout, and closing the page', async () => {
    const user = userEvent.setup();
    const { calls } = fakeApi();
    const { unmount } = renderCheckout();
    await holdSeats(user);
    await user.click(screen.getByRole('button', { name: 'Change seats' }));
    expect(deletes(calls)).toHaveLength(1);
    expect(screen.getByRole('button', { name: /^Continue with/ })).toHaveFocus();

    await holdSeats(user);
    act(() => void window.dispatchEvent(new Event('pagehide')));
    expect(deletes(calls)[1]).toMatchObject({ path: `/holds/${HOLD_TOKEN}`, keepalive: true });
    unmount();
    expect(deletes(calls)).toHaveLength(3);
  });

  it('when another buyer holds a seat, names it, hands it back to drop and holds nothing', async () => {
    const user = userEvent.setup();
    fakeApi({ hold: () => problem(409, 'seat-held', { seats: [{ id: 32, seatNumber: 'V-12' }] }) });
    const { onSeatsTaken } = renderCheckout();
    await user.click(screen.getByRole('button', { name: /^Continue with/ }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Someone else is booking that seat');
    expect(alert).toHaveTextContent('Another buyer is checking out VIP, row 2, seat 12 right now.');
    expect(onSeatsTaken).toHaveBeenCalledWith([32]);
    expect(screen.queryByRole('timer')).toBeNull();
  });
});

describe('booking held seats', () => {
  it('checks name and email inline and sends nothing until they are right', async () => {
    const user = userEvent.setup();
    const { calls } = fakeApi();
    renderCheckout();
    await holdSeats(user);
    await user.click(screen.getByRole('button', { name: /^Book 3 seats/ }));
    expect(screen.getByLabelText('Full name')).toHaveAccessibleDescription('Enter a name');
    expect(screen.getByLabelText('Full name')).toHaveFocus();
    expect(screen.getByLabelText('Email')).toHaveAccessibleDescription('Enter a valid email address');
    await user.type(screen.getByLabelText('Full name'), 'Asha');
    expect(screen.getByLabelText('Full name')).not.toHaveAttribute('aria-invalid');
    expect(calls.filter((call) => call.path === '/ticket-bookings/seats')).toHaveLength(0);
  });

  it('sends the hold token, is disabled while sending, then confirms with the reference, seats and total', async () => {
    const user = userEvent.setup();
    let answer: (value: { status: number; body: unknown }) => void = () => undefined;
    const { calls } = fakeApi({ book: () => new Promise((resolve) => (answer = resolve)) });
    const { onBooked } = renderCheckout();
    await holdSeats(user);
    await fillDetails(user);
    await user.click(screen.getByRole('button', { name: 'Book 3 seats · NPR\u00a0210.00' }));
    expect(await screen.findByRole('button', { name: 'Booking 3 seats · NPR\u00a0210.00…' })).toBeDisabled();
    const sent = calls.find((call) => call.path === '/ticket-bookings/seats');
    expect(sent).toMatchObject({
      method: 'POST',
      body: {
        userName: 'Asha Tamang',
        userEmail: 'asha@example.com',
        seatIds: [31, 32, 41],
        holdToken: HOLD_TOKEN,
        language: 'en',
      },
    });
    expect(sent?.idempotencyKey).toBeTruthy();
    expect(sent?.idempotencyKey).not.toBe(calls[0]?.idempotencyKey);
    answer({ status: 201, body: buildBooking([31, 32, 41]) });
    const dialog = await screen.findByRole('dialog', { name: "You're going to Himalayan Echoes!" });
    expect(dialog).toHaveTextContent('K7QM2XPA9RTD');
    expect(dialog).toHaveTextContent('VIP, row 2Seats 11, 12');
    expect(dialog).toHaveTextContent('TotalNPR 210.00');
    expect(within(dialog).getByRole('link', { name: 'Find or cancel this booking' })).toHaveAttribute(
      'href',
      '/find-booking?reference=K7QM2XPA9RTD',
    );
    expect(onBooked).toHaveBeenCalledWith([31, 32, 41]);
    expect(screen.getByRole('button', { name: 'Done' })).toHaveFocus();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(deletes(calls)).toHaveLength(0);
  });

  it('when the hold ran out and a seat was taken, says so in words and asks to choose again', async () => {
    const user = userEvent.setup();
    fakeApi({ book: () => problem(410, 'hold-expired') });
    const { onSeatsChanged } = renderCheckout();
    await holdSeats(user);
    await fillDetails(user);
    await user.click(screen.getByRole('button', { name: /^Book 3 seats/ }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent(
      'Your hold ran out and someone else took some of these seats, so nothing was booked.',
    );
    expect(alert).toHaveTextContent('Choose again');
    expect(onSeatsChanged).toHaveBeenCalled();
    expect(screen.getByRole('button', { name: /^Continue with/ })).toBeEnabled();
  });

  it('on a 409 names the seats someone else took, gives the hold back and keeps the details', async () => {
    const user = userEvent.setup();
    const { calls } = fakeApi({
      book: () => problem(409, 'seat-already-booked', { seats: [{ id: 32, seatNumber: 'V-12' }] }),
    });
    const { onSeatsTaken, onBooked } = renderCheckout();
    await holdSeats(user);
    await fillDetails(user);
    await user.click(screen.getByRole('button', { name: /^Book 3 seats/ }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Someone else booked VIP, row 2, seat 12 a moment before you.');
    expect(onSeatsTaken).toHaveBeenCalledWith([32]);
    expect(onBooked).not.toHaveBeenCalled();
    expect(deletes(calls)).toHaveLength(1);
    await holdSeats(user);
    expect(screen.getByLabelText('Full name')).toHaveValue('Asha Tamang');
    expect(screen.getByLabelText('Email')).toHaveValue('asha@example.com');
  });

  it('after a network failure, retrying the same booking reuses its key; after other failures a retry gets a new one', async () => {
    const user = userEvent.setup();
    let attempts = 0;
    const { calls } = fakeApi({
      book: () => {
        attempts += 1;
        if (attempts === 1) return Promise.reject(new TypeError('Failed to fetch'));
        if (attempts === 2) return problem(503, 'busy-try-again');
        return { status: 201, body: buildBooking([31, 32, 41]) };
      },
    });
    renderCheckout();
    await holdSeats(user);
    await fillDetails(user);
    await user.click(screen.getByRole('button', { name: /^Book 3 seats/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('We could not reach Hamro Concert');
    await user.click(screen.getByRole('button', { name: /^Book 3 seats/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Lots of people are booking right now.');
    await user.click(screen.getByRole('button', { name: /^Book 3 seats/ }));
    expect(await screen.findByRole('dialog')).toHaveTextContent('K7QM2XPA9RTD');
    const keys = calls.filter((call) => call.path === '/ticket-bookings/seats').map((call) => call.idempotencyKey);
    expect(keys).toHaveLength(3);
    expect(keys[1]).toBe(keys[0]);
    expect(keys[2]).not.toBe(keys[1]);
  });
});

describe('on an on-sale: the waiting room, one hold at a time, and the rate limits', () => {
  it('with a pass from the waiting room, the hold and the booking carry it; without one, neither does', async () => {
    const user = userEvent.setup();
    const { calls } = fakeApi();
    const { unmount } = renderCheckout(SEATS, PASS);
    await holdSeats(user);
    await fillDetails(user);
    await user.click(screen.getByRole('button', { name: /^Book 3 seats/ }));
    await screen.findByRole('dialog');
    const posts = calls.filter((call) => call.method === 'POST');
    expect(posts.map((call) => [call.path, call.headers.get('Admission-Pass')])).toEqual([
      ['/holds', PASS],
      ['/ticket-bookings/seats', PASS],
    ]);
    unmount();

    const without = fakeApi();
    renderCheckout();
    await holdSeats(user);
    expect(without.calls[0]?.headers.has('Admission-Pass')).toBe(false);
  });

  it('when the waiting room refuses the hold, says so and sends the visitor back to the room', async () => {
    const user = userEvent.setup();
    fakeApi({ hold: () => problem(403, 'admission-required') });
    const { onAdmissionRequired } = renderCheckout(SEATS, PASS);
    await user.click(screen.getByRole('button', { name: /^Continue with/ }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Seats here are sold through a waiting room');
    expect(alert).toHaveTextContent('We have taken you back to the waiting room.');
    expect(onAdmissionRequired).toHaveBeenCalledTimes(1);
  });

  it('when the booking is refused for want of a pass, the visitor is sent back to the room too', async () => {
    const user = userEvent.setup();
    fakeApi({ book: () => problem(403, 'admission-required') });
    const { onAdmissionRequired, onBooked } = renderCheckout(SEATS, PASS);
    await holdSeats(user);
    await fillDetails(user);
    await user.click(screen.getByRole('button', { name: /^Book 3 seats/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Seats here are sold through a waiting room');
    expect(onAdmissionRequired).toHaveBeenCalledTimes(1);
    expect(onBooked).not.toHaveBeenCalled();
  });

  it('a second hold elsewhere is explained: book or give back the first', async () => {
    const user = userEvent.setup();
    fakeApi({ hold: () => problem(409, 'one-hold-at-a-time') });
    renderCheckout();
    await user.click(screen.getByRole('button', { name: /^Continue with/ }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('You already hold other seats');
    expect(alert).toHaveTextContent('Book them or give them back first');
    expect(screen.queryByRole('timer')).toBeNull();
  });

  it('too many requests: says how long to wait, from Retry-After', async () => {
    const user = userEvent.setup();
    fakeApi({ hold: () => ({ ...problem(429, 'rate-limited'), headers: { 'Retry-After': '17' } }) });
    renderCheckout();
    await user.click(screen.getByRole('button', { name: /^Continue with/ }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Too many requests just now');
    expect(alert).toHaveTextContent('Please wait 17 seconds, then try again.');
  });

  it('after Change seats, a new hold is sent only once the previous one has been given back', async () => {
    const user = userEvent.setup();
    let released: (answer: { status: number; body: unknown }) => void = () => undefined;
    const { calls } = fakeApi({ release: () => new Promise((resolve) => (released = resolve)) });
    renderCheckout();
    await holdSeats(user);
    await user.click(screen.getByRole('button', { name: 'Change seats' }));
    await user.click(screen.getByRole('button', { name: /^Continue with/ }));
    expect(screen.getByRole('button', { name: 'Holding 3 seats · NPR\u00a0210.00…' })).toBeDisabled();
    const holds = () => calls.filter((call) => call.method === 'POST' && call.path === '/holds');
    expect(holds()).toHaveLength(1);
    released({ status: 204, body: null });
    await screen.findByRole('timer');
    expect(holds()).toHaveLength(2);
    expect(calls.map((call) => call.method)).toEqual(['POST', 'DELETE', 'POST']);
  });
});
