import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Concert, RefundDue } from 'hamro-concert.contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { problem, stubFetch } from '../../test/fetch-stub';
import { buildConcert, buildSalesReport, CONCERT_ID } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { ADMIN_TOKEN_KEY } from './organizer-page';

const TOKEN = 'organizer-token-0123456789';
const NEW_ID = '11111111-2222-4333-8444-555555555555';

const MONEY = {
  paidOnline: '15000.00',
  unpaidAtDoor: '3500.00',
  cashCollected: '7000.00',
  free: 1,
  awaitingPayment: '200.00',
  refundsDone: '100.00',
  refundsDue: '3600.00',
  mismatches: 2,
};

const refund = (method: 'esewa' | 'khalti', overrides: Partial<RefundDue> = {}): RefundDue => ({
  paymentId: `K7QM2XPA9RTD-${method}`,
  method,
  amount: '3500.00',
  transactionId: method === 'esewa' ? '0007ZJ4' : 'GFq9PFS7b2iYvL8Lir9oXe',
  bookingReference: 'K7QM2XPA9RTD',
  userName: method === 'esewa' ? 'Sita Sharma' : 'Bikash Rai',
  userEmail: 'sita@example.com',
  reason: 'late',
  since: '2026-03-01T10:00:00.000Z',
  ...overrides,
});

/** The organizer's API: concerts, sales with money, refunds due (marked ones leave), payment options. */
function fakeApi(concert: Concert = buildConcert({ paymentMethods: ['door', 'esewa', 'khalti'] })) {
  let refunds = [refund('esewa'), refund('khalti', { amount: '100.00' })];
  return stubFetch(({ method, path, body }) => {
    if (path.startsWith('/concerts?'))
      return { status: 200, body: { data: [concert], page: 1, limit: 100, total: 1, totalPages: 1 } };
    if (path === `/admin/concerts/${CONCERT_ID}/sales`)
      return { status: 200, body: buildSalesReport({ money: MONEY }) };
    if (path === `/admin/refunds?concertId=${CONCERT_ID}`) return { status: 200, body: refunds };
    if (method === 'POST' && path === '/admin/refunds/K7QM2XPA9RTD-esewa/refunded') {
      refunds = refunds.filter((r) => r.method !== 'esewa');
      return { status: 204, body: null };
    }
    // This server has no Khalti key.
    if (path === '/payments/options') return { status: 200, body: { testMode: true, methods: ['door', 'esewa'] } };
    if (method === 'POST' && path === '/concerts')
      return { status: 201, body: { ...buildConcert(), id: NEW_ID, ...(body as object), tiers: [] } };
    if (method === 'PUT' && path === `/concerts/${CONCERT_ID}`)
      return { status: 200, body: { ...concert, ...(body as object) } };
    return problem(404, 'route-not-found');
  });
}

async function fillDetails(user: ReturnType<typeof userEvent.setup>) {
  await user.type(await screen.findByLabelText('Title'), 'Monsoon Ragas');
  await user.type(screen.getByLabelText('Artist'), 'Kutumba');
  await user.type(screen.getByLabelText('Date'), '2027-07-01');
  await user.type(screen.getByLabelText('Venue'), 'Patan Durbar Square');
  await user.type(screen.getByLabelText('City'), 'Lalitpur');
}

afterEach(() => sessionStorage.clear());

describe('ways to pay, as the organizer sets them', () => {
  it('a new concert offers all three at first; at least one must stay; the ones ticked are sent', async () => {
    sessionStorage.setItem(ADMIN_TOKEN_KEY, TOKEN);
    const user = userEvent.setup();
    const { calls } = fakeApi();
    renderApp('/organizer');
    await fillDetails(user);
    const ways = screen.getByRole('group', { name: 'Ways to pay' });
    const khalti = within(ways).getByRole('checkbox', { name: 'Khalti' });
    const esewa = within(ways).getByRole('checkbox', { name: 'eSewa' });
    const door = within(ways).getByRole('checkbox', { name: 'Pay at the door (cash)' });
    for (const box of [khalti, esewa, door]) expect(box).toBeChecked();
    expect(await within(ways).findByText(/Not set up on this server yet/)).toBeInTheDocument();
    expect(khalti).toHaveAccessibleDescription('Not set up on this server yet: buyers see it once it is.');

    for (const box of [khalti, esewa, door]) await user.click(box);
    expect(ways).toHaveAccessibleDescription('Offer at least one way to pay.');
    await user.click(screen.getByRole('button', { name: 'Create concert' }));
    expect(calls.some((call) => call.method === 'POST')).toBe(false);

    await user.click(door);
    await user.click(esewa);
    expect(ways).not.toHaveAccessibleDescription();
    await user.click(screen.getByRole('button', { name: 'Create concert' }));
    await screen.findByRole('link', { name: 'Open the public page of Monsoon Ragas' });
    expect(calls.find((call) => call.method === 'POST')?.body).toMatchObject({ paymentMethods: ['esewa', 'door'] });
  });

  it('editing sends the ways to pay only when they change', async () => {
    sessionStorage.setItem(ADMIN_TOKEN_KEY, TOKEN);
    const user = userEvent.setup();
    const { calls } = fakeApi();
    renderApp('/organizer');
    await user.click(await screen.findByRole('button', { name: 'Edit details of Himalayan Echoes' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit Himalayan Echoes' });
    const ways = within(dialog).getByRole('group', { name: 'Ways to pay' });
    await user.click(within(ways).getByRole('checkbox', { name: 'Pay at the door (cash)' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.find((call) => call.method === 'PUT')?.body).toEqual({ paymentMethods: ['khalti', 'esewa'] });
  });

  it('a way the organizer chose that this server cannot take yet stays chosen when other details change', async () => {
    sessionStorage.setItem(ADMIN_TOKEN_KEY, TOKEN);
    const user = userEvent.setup();
    const { calls } = fakeApi(
      buildConcert({ paymentMethods: ['door', 'esewa'], paymentMethodsChosen: ['door', 'esewa', 'khalti'] }),
    );
    renderApp('/organizer');
    await user.click(await screen.findByRole('button', { name: 'Edit details of Himalayan Echoes' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit Himalayan Echoes' });
    const ways = within(dialog).getByRole('group', { name: 'Ways to pay' });
    expect(within(ways).getByRole('checkbox', { name: 'Khalti' })).toBeChecked();
    await user.click(within(ways).getByRole('checkbox', { name: 'eSewa' }));
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.find((call) => call.method === 'PUT')?.body).toEqual({ paymentMethods: ['khalti', 'door'] });
  });

  it('a concert priced in another currency than NPR cannot offer Khalti or eSewa', async () => {
    sessionStorage.setItem(ADMIN_TOKEN_KEY, TOKEN);
    const user = userEvent.setup();
    fakeApi(buildConcert({ currency: 'USD', paymentMethods: ['door'] }));
    renderApp('/organizer');
    await user.click(await screen.findByRole('button', { name: 'Edit details of Himalayan Echoes' }));
    const ways = within(screen.getByRole('dialog')).getByRole('group', { name: 'Ways to pay' });
    for (const name of ['Khalti', 'eSewa']) {
      const box = within(ways).getByRole('checkbox', { name });
      expect(box).toBeDisabled();
      expect(box).not.toBeChecked();
      expect(box).toHaveAccessibleDescription('Takes NPR only; this concert is priced in USD.');
    }
    expect(within(ways).getByRole('checkbox', { name: 'Pay at the door (cash)' })).toBeChecked();
  });
});

describe('money and refunds in the sales view', () => {
  it("breaks the concert's money down in words and amounts", async () => {
    sessionStorage.setItem(ADMIN_TOKEN_KEY, TOKEN);
    fakeApi();
    renderApp('/organizer');
    const money = await screen.findByRole('region', { name: 'Money of Himalayan Echoes' });
    const figures = within(money)
      .getAllByRole('term')
      .map((term) => `${term.textContent}: ${term.nextElementSibling?.textContent}`);
    expect(figures).toEqual([
      'Paid online: NPR\u00a015,000.00',
      'Unpaid at the door: NPR\u00a03,500.00',
      'Cash collected: NPR\u00a07,000.00',
      'Awaiting payment: NPR\u00a0200.00',
      'Refunds done: NPR\u00a0100.00',
      'Refunds due: NPR\u00a03,600.00',
      'Mismatches: 2',
      'Free bookings: 1',
    ]);
  });

  it('lists the refunds due: Khalti refunds itself, an eSewa one is marked refunded by hand after confirming', async () => {
    sessionStorage.setItem(ADMIN_TOKEN_KEY, TOKEN);
    const user = userEvent.setup();
    const { calls } = fakeApi();
    renderApp('/organizer');
    const section = await screen.findByRole('region', { name: 'Refunds due for Himalayan Echoes' });
    const items = await within(section).findAllByRole('listitem');
    expect(items).toHaveLength(2);
    expect(items[0]).toHaveTextContent('NPR 3,500.00 to Sita Sharma · eSewa');
    expect(items[0]).toHaveTextContent('transaction 0007ZJ4');
    expect(items[0]).toHaveTextContent('Paid after the time to pay ran out');
    expect(items[1]).toHaveTextContent('Refunding through Khalti');
    expect(within(items[1]!).queryByRole('button')).toBeNull();

    await user.click(within(items[0]!).getByRole('button', { name: /^Refunded by hand/ }));
    let dialog = screen.getByRole('dialog', { name: 'Record this refund as done?' });
    expect(within(dialog).getByRole('button', { name: 'Not yet' })).toHaveFocus();
    await user.click(within(dialog).getByRole('button', { name: 'Not yet' }));
    expect(calls.some((call) => call.method === 'POST')).toBe(false);

    await user.click(within(section).getByRole('button', { name: /^Refunded by hand/ }));
    dialog = screen.getByRole('dialog', { name: 'Record this refund as done?' });
    expect(dialog).toHaveAccessibleDescription(/NPR\s3,500\.00 has gone back to Sita Sharma/);
    await user.click(within(dialog).getByRole('button', { name: 'Yes, it is refunded' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(within(section).getByRole('status')).toHaveTextContent(
      'The refund of NPR 3,500.00 to Sita Sharma is recorded.',
    );
    expect(within(section).getAllByRole('listitem')).toHaveLength(1);
    expect(calls.find((call) => call.method === 'POST')).toMatchObject({
      path: '/admin/refunds/K7QM2XPA9RTD-esewa/refunded',
      authorization: `Bearer ${TOKEN}`,
    });
  });
});
