import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { PaymentMethod, PaymentStart } from 'hamro-concert.contracts';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { browserNavigation } from '../../../lib/payment-handoff';
import { problem, stubFetch, type StubAnswer, type StubRequest } from '../../../test/fetch-stub';
import { buildBooking, buildHold, buildPayment, CONCERT_ID, HOLD_TOKEN } from '../../../test/fixtures';
import { renderWithQuery } from '../../../test/render';
import { useSeatHold } from '../hooks/use-seat-hold';
import type { CheckoutSeat } from '../lib/checkout-seat';
import { CheckoutPanel } from './checkout-panel';

const REFERENCE = 'K7QM2XPA9RTD';
const EMAIL = 'asha@example.com';
const KHALTI_URL = 'https://test-pay.khalti.com/?pidx=bZQLD9wRVWo4CdESSfuSsB';
const ESEWA_FORM = {
  action: 'https://rc-epay.esewa.com.np/api/epay/main/v2/form',
  fields: {
    amount: '210',
    tax_amount: '0',
    total_amount: '210',
    transaction_uuid: 'K7QM2XPA9RTD-1a2b3c4d',
    product_code: 'EPAYTEST',
    product_service_charge: '0',
    product_delivery_charge: '0',
    success_url: 'http://localhost/payments/esewa/return',
    failure_url: 'http://localhost/payments/esewa/failure?order=K7QM2XPA9RTD-1a2b3c4d',
    signed_field_names: 'total_amount,transaction_uuid,product_code',
    signature: 'i94zsd3oXF6ZsSr/kGqT4sSzYQzjj1W/waxjWyRwaME=',
  },
};

function seat(id: number, number: string, priceCents: number): CheckoutSeat {
  return { id, sectionName: 'VIP', row: 2, number, place: `VIP, row 2, seat ${number}`, priceCents, currency: 'NPR' };
}
const SEATS = [seat(31, '11', 10000), seat(32, '12', 10000), seat(41, '1', 1000)];

function Checkout({ seats, methods }: { seats: CheckoutSeat[]; methods: PaymentMethod[] }) {
  const seatHold = useSeatHold({ onSeatsTaken: () => undefined, onSeatsChanged: async () => undefined });
  return (
    <CheckoutPanel
      concertId={CONCERT_ID}
      seatHold={seatHold}
      seats={seats}
      paymentMethods={methods}
      concertTitle="Himalayan Echoes"
      concertWhen="Sat, 14 Mar 2026 · 7:00 PM"
      findBookingHref={(reference) => `/find-booking?reference=${reference}`}
      paymentHref={(reference) => `/payment?reference=${reference}`}
      onBooked={() => undefined}
      onSeatsTaken={() => undefined}
      onSeatsChanged={() => undefined}
    />
  );
}

/** A booking that waits for its online payment: no tickets yet, its seats held for 15 minutes. */
function awaitingBooking(method: 'khalti' | 'esewa') {
  const dueAt = new Date(Date.now() + 15 * 60_000).toISOString();
  return buildBooking([31, 32, 41], {
    status: 'awaiting_payment',
    tickets: [],
    payment: buildPayment({ method, state: 'awaiting', dueAt }),
  });
}

function started(method: 'khalti' | 'esewa'): PaymentStart {
  return {
    id: `${REFERENCE}-1a2b3c4d`,
    method,
    amount: '210.00',
    testMode: true,
    redirectUrl: method === 'khalti' ? KHALTI_URL : null,
    form: method === 'esewa' ? ESEWA_FORM : null,
  };
}

/** Holds, bookings (awaiting payment when paid online), payment starts and the server's payment options. */
function fakeApi({
  pay,
  startedWithBooking = false,
}: { pay?: (request: StubRequest) => StubAnswer; startedWithBooking?: boolean } = {}) {
  return stubFetch((request) => {
    const { method, path, body } = request;
    if (path === '/payments/options')
      return { status: 200, body: { testMode: true, methods: ['door', 'esewa', 'khalti'] } };
    if (method === 'POST' && path === '/holds') {
      return { status: 201, body: buildHold((body as { seatIds: number[] }).seatIds) };
    }
    if (method === 'DELETE') return { status: 204, body: null };
    if (method === 'POST' && path === '/ticket-bookings/seats') {
      const { payment } = body as { payment?: PaymentMethod };
      if (payment === 'khalti' || payment === 'esewa')
        return {
          status: 201,
          body: { ...awaitingBooking(payment), ...(startedWithBooking ? { paymentStart: started(payment) } : {}) },
        };
      return { status: 201, body: buildBooking([31, 32, 41]) };
    }
    if (method === 'POST' && path === `/bookings/${REFERENCE}/payments`) {
      return pay?.(request) ?? { status: 201, body: started((body as { method: 'khalti' | 'esewa' }).method) };
    }
    return problem(404, 'route-not-found');
  });
}

function renderCheckout(methods: PaymentMethod[] = ['door', 'esewa', 'khalti'], seats = SEATS) {
  return renderWithQuery(
    <MemoryRouter>
      <Checkout seats={seats} methods={methods} />
    </MemoryRouter>,
  );
}

async function holdAndFill(user: ReturnType<typeof userEvent.setup>) {
  await user.click(screen.getByRole('button', { name: /^Continue with/ }));
  await screen.findByRole('timer');
  await user.type(screen.getByLabelText('Full name'), 'Asha Tamang');
  await user.type(screen.getByLabelText('Email'), EMAIL);
}

const posts = (calls: StubRequest[], path: string) =>
  calls.filter((call) => call.method === 'POST' && call.path === path);

afterEach(() => {
  sessionStorage.clear();
  document.querySelectorAll('form[hidden]').forEach((form) => form.remove());
});

describe('choosing how to pay', () => {
  it("offers the concert's ways with the total, says plainly that money does not move in test mode, and pays at the door by default", async () => {
    const user = userEvent.setup();
    const { calls } = fakeApi();
    renderCheckout();
    await holdAndFill(user);
    const group = screen.getByRole('group', { name: 'How would you like to pay?' });
    expect(
      within(group)
        .getAllByRole('radio')
        .map((radio) => radio.getAttribute('value')),
    ).toEqual(['khalti', 'esewa', 'door']);
    expect(within(group).getByRole('radio', { name: 'Pay at the door (cash)' })).toBeChecked();
    expect(within(group).getByRole('radio', { name: 'Khalti' })).toHaveAccessibleDescription(/take you to Khalti/);
    expect(group).toHaveTextContent('Total NPR 210.00');
    expect(await within(group).findByText('Test mode: no real money moves.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Book 3 seats · NPR\u00a0210.00' }));
    const dialog = await screen.findByRole('dialog', { name: "You're going to Himalayan Echoes!" });
    expect(dialog).toHaveTextContent('Pay NPR 210.00 in cash at the door.');
    expect(within(dialog).getAllByRole('img', { name: /^QR code of the ticket/ })).toHaveLength(3);
    expect(posts(calls, '/ticket-bookings/seats')[0]?.body).toMatchObject({ holdToken: HOLD_TOKEN, payment: 'door' });
    expect(posts(calls, `/bookings/${REFERENCE}/payments`)).toHaveLength(0);
  });

  it('a concert paid only at the door says so instead of asking, and never asks the server about online payments', async () => {
    const user = userEvent.setup();
    const { calls } = fakeApi();
    renderCheckout(['door']);
    await holdAndFill(user);
    expect(screen.queryByRole('group', { name: 'How would you like to pay?' })).toBeNull();
    expect(screen.getByText('You pay NPR 210.00 in cash at the door.')).toBeInTheDocument();
    expect(calls.some((call) => call.path === '/payments/options')).toBe(false);
  });

  it('a free booking asks for no way to pay and sends none', async () => {
    const user = userEvent.setup();
    const { calls } = fakeApi();
    renderCheckout(['door', 'khalti'], [seat(31, '11', 0)]);
    await holdAndFill(user);
    expect(screen.queryByRole('radio')).toBeNull();
    await user.click(screen.getByRole('button', { name: /^Book 1 seat/ }));
    await screen.findByRole('dialog');
    expect(posts(calls, '/ticket-bookings/seats')[0]?.body).not.toHaveProperty('payment');
  });
});

describe('paying online', () => {
  it('Khalti: books awaiting payment, keeps the booking for the way back, starts the payment and sends the browser to Khalti', async () => {
    const user = userEvent.setup();
    const assign = vi.spyOn(browserNavigation, 'assign').mockImplementation(() => undefined);
    const { calls } = fakeApi();
    renderCheckout();
    await holdAndFill(user);
    await user.click(screen.getByRole('radio', { name: 'Khalti' }));
    await user.click(screen.getByRole('button', { name: 'Pay with Khalti · NPR\u00a0210.00' }));

    expect(await screen.findByText('Taking you to Khalti…')).toBeInTheDocument();
    expect(assign).toHaveBeenCalledWith(KHALTI_URL);
    expect(posts(calls, '/ticket-bookings/seats')[0]?.body).toMatchObject({ payment: 'khalti' });
    expect(posts(calls, `/bookings/${REFERENCE}/payments`)[0]?.body).toEqual({ email: EMAIL, method: 'khalti' });
    expect(sessionStorage.getItem(`hamro.payment.${REFERENCE}`)).toBe(EMAIL);
    expect(screen.getByRole('heading', { name: 'Pay NPR\u00a0210.00 with Khalti' })).toHaveFocus();
    expect(screen.queryByRole('dialog')).toBeNull();
  });

  it('Khalti, started with the booking: goes straight to Khalti without asking to start again', async () => {
    const user = userEvent.setup();
    const assign = vi.spyOn(browserNavigation, 'assign').mockImplementation(() => undefined);
    const { calls } = fakeApi({ startedWithBooking: true });
    renderCheckout();
    await holdAndFill(user);
    await user.click(screen.getByRole('radio', { name: 'Khalti' }));
    await user.click(screen.getByRole('button', { name: 'Pay with Khalti · NPR\u00a0210.00' }));

    expect(await screen.findByText('Taking you to Khalti…')).toBeInTheDocument();
    expect(assign).toHaveBeenCalledWith(KHALTI_URL);
    expect(posts(calls, `/bookings/${REFERENCE}/payments`)).toEqual([]);
    expect(sessionStorage.getItem(`hamro.payment.${REFERENCE}`)).toBe(EMAIL);
  });

  it("eSewa: posts eSewa's signed fields from a form of hidden inputs to eSewa's form address", async () => {
    const user = userEvent.setup();
    const submitted: HTMLFormElement[] = [];
    vi.spyOn(HTMLFormElement.prototype, 'submit').mockImplementation(function (this: HTMLFormElement) {
      submitted.push(this);
    });
    fakeApi();
    renderCheckout();
    await holdAndFill(user);
    await user.click(screen.getByRole('radio', { name: 'eSewa' }));
    await user.click(screen.getByRole('button', { name: 'Pay with eSewa · NPR\u00a0210.00' }));

    expect(await screen.findByText('Taking you to eSewa…')).toBeInTheDocument();
    expect(submitted).toHaveLength(1);
    const form = submitted[0]!;
    expect(form.method).toBe('post');
    expect(form.action).toBe(ESEWA_FORM.action);
    expect(form.isConnected).toBe(true);
    const inputs = [...form.querySelectorAll('input')];
    expect(inputs.every((input) => input.type === 'hidden')).toBe(true);
    expect(Object.fromEntries(inputs.map((input) => [input.name, input.value]))).toEqual(ESEWA_FORM.fields);
  });

  it('when Khalti does not answer (503), says so, keeps the seats held, and tries again on request', async () => {
    const user = userEvent.setup();
    const assign = vi.spyOn(browserNavigation, 'assign').mockImplementation(() => undefined);
    let attempts = 0;
    const { calls } = fakeApi({
      pay: () => {
        attempts += 1;
        return attempts === 1 ? problem(503, 'payment-provider-unavailable') : { status: 201, body: started('khalti') };
      },
    });
    renderCheckout();
    await holdAndFill(user);
    await user.click(screen.getByRole('radio', { name: 'Khalti' }));
    await user.click(screen.getByRole('button', { name: /^Pay with Khalti/ }));

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Khalti is not answering');
    expect(alert).toHaveTextContent(
      /nothing has been paid\. Your booking is made and its seats stay held until \d\d:\d\d/,
    );
    expect(screen.getByRole('link', { name: 'Choose another way to pay' })).toHaveAttribute(
      'href',
      `/payment?reference=${REFERENCE}`,
    );
    expect(assign).not.toHaveBeenCalled();

    await user.click(screen.getByRole('button', { name: 'Try Khalti again' }));
    expect(await screen.findByText('Taking you to Khalti…')).toBeInTheDocument();
    expect(assign).toHaveBeenCalledWith(KHALTI_URL);
    expect(posts(calls, '/ticket-bookings/seats')).toHaveLength(1);
    expect(posts(calls, `/bookings/${REFERENCE}/payments`)).toHaveLength(2);
  });
});
