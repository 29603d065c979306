import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { BookingDetails, PaymentAttempt } from 'hamro-concert.contracts';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserNavigation } from '../../lib/payment-handoff';
import { problem, stubFetch, type StubRequest } from '../../test/fetch-stub';
import { buildBookingDetails, buildConcert, buildPayment, CONCERT_ID } from '../../test/fixtures';
import { renderApp } from '../../test/render';

const REFERENCE = 'K7QM2XPA9RTD';
const EMAIL = 'asha@example.com';
const BOOKING_PATH = `/bookings/${REFERENCE}?email=asha%40example.com`;
const KHALTI_URL = 'https://test-pay.khalti.com/?pidx=bZQLD9wRVWo4CdESSfuSsB';

function attempt(state: PaymentAttempt['state']): PaymentAttempt {
  return {
    id: `${REFERENCE}-1a2b3c4d`,
    method: 'khalti',
    state,
    amount: '210.00',
    createdAt: new Date(Date.now() - 60_000).toISOString(),
    completedAt: state === 'completed' ? new Date().toISOString() : null,
    refund: null,
  };
}

/** Waiting for its Khalti payment, its seats held ten more minutes, with the last attempt as given. */
function awaiting(last: PaymentAttempt['state'] | null): BookingDetails {
  return buildBookingDetails({
    status: 'awaiting_payment',
    tickets: [],
    payment: buildPayment({
      method: 'khalti',
      state: 'awaiting',
      dueAt: new Date(Date.now() + 10 * 60_000).toISOString(),
      attempts: last ? [attempt(last)] : [],
    }),
  });
}

const paid = () =>
  buildBookingDetails({ payment: buildPayment({ method: 'khalti', state: 'paid', attempts: [attempt('completed')] }) });

/** The booking as the API answers it, one answer after another (the last one stays). */
function fakeApi(answers: BookingDetails[], { onPay }: { onPay?: (request: StubRequest) => void } = {}) {
  const queue = [...answers];
  return stubFetch((request) => {
    if (request.path === BOOKING_PATH) {
      const answer = queue.length > 1 ? queue.shift()! : queue[0]!;
      return { status: 200, body: answer };
    }
    if (request.path === `/concerts/${CONCERT_ID}`) {
      return { status: 200, body: buildConcert({ paymentMethods: ['door', 'esewa', 'khalti'] }) };
    }
    if (request.method === 'POST' && request.path === `/bookings/${REFERENCE}/payments`) {
      onPay?.(request);
      const { method } = request.body as { method: 'door' | 'khalti' };
      return {
        status: 201,
        body: {
          id: method === 'door' ? REFERENCE : `${REFERENCE}-5e6f7a8b`,
          method,
          amount: '210.00',
          testMode: true,
          redirectUrl: method === 'khalti' ? KHALTI_URL : null,
          form: null,
        },
      };
    }
    if (request.path.startsWith('/bookings/')) return problem(404, 'booking-not-found');
    return problem(404, 'route-not-found');
  });
}

/** The booking kept in this tab before leaving for the provider. */
const remembered = () => sessionStorage.setItem(`hamro.payment.${REFERENCE}`, EMAIL);

afterEach(() => sessionStorage.clear());

describe('the payment page', () => {
  it('back from a paid payment: says Paid and shows the tickets with their QR codes', async () => {
    remembered();
    const { calls } = fakeApi([paid()]);
    renderApp(`/payment?reference=${REFERENCE}&result=paid`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Paid' })).toBeInTheDocument();
    expect(screen.getByText(/paid with Khalti\./)).toHaveTextContent(
      'NPR 210.00 paid with Khalti. Your booking is confirmed.',
    );
    const tickets = screen.getByRole('list', { name: 'Tickets' });
    expect(
      within(tickets).getAllByRole('img', { name: /^QR code of the ticket for VIP, row 2, seat 11/ }),
    ).toHaveLength(1);
    expect(within(tickets).getAllByRole('listitem')).toHaveLength(3);
    expect(calls[0]).toMatchObject({ method: 'GET', path: BOOKING_PATH });
  });

  it('while the payment is being confirmed, asks again every 2 s until it is paid, and says so politely', async () => {
    remembered();
    const { calls } = fakeApi([awaiting('awaiting'), awaiting('awaiting'), paid()]);
    renderApp(`/payment?reference=${REFERENCE}&result=confirming`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Confirming your payment…' })).toBeInTheDocument();
    expect(screen.getByText(/This page updates by itself/)).toBeInTheDocument();
    expect(await screen.findByRole('heading', { level: 1, name: 'Paid' }, { timeout: 7_000 })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('Paid');
    expect(screen.getAllByRole('img', { name: /^QR code of the ticket/ })).toHaveLength(3);
    expect(calls.filter((call) => call.path === BOOKING_PATH)).toHaveLength(3);
  }, 12_000);

  it('cancelled at the provider: the seats are still held, with a countdown; choosing the door there shows the tickets', async () => {
    remembered();
    const user = userEvent.setup();
    const atDoor = buildBookingDetails({ payment: buildPayment({ attempts: [attempt('unpaid')] }) });
    const { calls } = fakeApi([awaiting('unpaid'), atDoor]);
    renderApp(`/payment?reference=${REFERENCE}&result=cancelled`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Payment cancelled' })).toBeInTheDocument();
    expect(screen.getByRole('timer')).toHaveTextContent(/^(10:00|09:5\d)$/);
    expect(screen.getByText(/Your seats are still held for you until \d\d:\d\d/)).toBeInTheDocument();
    const choices = screen.getByRole('region', { name: 'Choose how to pay' });
    const buttons = await within(choices).findAllByRole('button');
    expect(buttons.map((button) => button.textContent)).toEqual([
      'Pay with Khalti',
      'Pay with eSewa',
      'Pay at the door (cash)',
    ]);
    expect(choices).toHaveTextContent('Test mode: no real money moves.');

    await user.click(within(choices).getByRole('button', { name: 'Pay at the door (cash)' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Booked' })).toBeInTheDocument();
    expect(screen.getByText('Pay NPR 210.00 in cash at the door.')).toBeInTheDocument();
    expect(screen.getAllByRole('img', { name: /^QR code of the ticket/ })).toHaveLength(3);
    expect(screen.getByRole('status')).toHaveTextContent('Booked');
    expect(calls.find((call) => call.method === 'POST')?.body).toEqual({ email: EMAIL, method: 'door' });
  });

  it('choosing Khalti again starts a new attempt and sends the browser to Khalti', async () => {
    remembered();
    const user = userEvent.setup();
    const assign = vi.spyOn(browserNavigation, 'assign').mockImplementation(() => undefined);
    fakeApi([awaiting('unpaid')]);
    renderApp(`/payment?reference=${REFERENCE}&result=failed`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Your payment did not go through' })).toBeVisible();
    await user.click(await screen.findByRole('button', { name: 'Pay with Khalti' }));
    expect(await screen.findByText('Taking you to Khalti…')).toBeInTheDocument();
    expect(assign).toHaveBeenCalledWith(KHALTI_URL);
  });

  it('when the time to pay ran out, says the seats were released and leads back to the concert', async () => {
    remembered();
    fakeApi([buildBookingDetails({ status: 'expired', tickets: [], payment: buildPayment({ state: 'unpaid' }) })]);
    renderApp(`/payment?reference=${REFERENCE}&result=cancelled`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Your time to pay ran out' })).toBeInTheDocument();
    expect(screen.getByText(/The seats were released for other buyers/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Choose seats again' })).toHaveAttribute('href', `/concert/${CONCERT_ID}`);
    expect(screen.queryByRole('button', { name: /^Pay / })).toBeNull();
  });

  it('without the booking kept in this tab, asks for its reference and email, then shows it', async () => {
    const user = userEvent.setup();
    const { calls } = fakeApi([paid()]);
    renderApp(`/payment?reference=${REFERENCE}&result=paid`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Your payment' })).toBeInTheDocument();
    expect(screen.getByLabelText('Booking reference')).toHaveValue(REFERENCE);
    expect(calls).toHaveLength(0);
    await user.type(screen.getByLabelText('Email'), EMAIL);
    await user.click(screen.getByRole('button', { name: 'Find booking' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Paid' })).toBeInTheDocument();
    await waitFor(() => expect(sessionStorage.getItem(`hamro.payment.${REFERENCE}`)).toBe(EMAIL));
  });
});
