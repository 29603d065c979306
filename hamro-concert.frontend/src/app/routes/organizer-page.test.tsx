import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Concert } from 'hamro-concert.contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { concertQueryOptions } from '../../features/concerts';
import { problem, stubFetch } from '../../test/fetch-stub';
import { buildConcert, buildSalesReport, CONCERT_ID } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { ADMIN_TOKEN_KEY } from './organizer-page';

const TOKEN = 'organizer-token-0123456789';

const SALES = buildSalesReport({
  tiers: [{ ticketTierId: 2, name: 'VIP', price: '100.00', total: 20, sold: 3, held: 2, free: 15, revenue: '300.00' }],
  totals: { sold: 3, held: 2, free: 15, revenue: '300.00' },
});

/** The concerts live in memory, so an edit or a delete shows in the next list the page fetches. */
function fakeApi(
  options: {
    salesAnswer?: () => ReturnType<typeof problem>;
    activeBookings?: boolean;
    window?: Pick<Concert, 'salesOpenAt' | 'salesCloseAt'>;
  } = {},
) {
  let concerts = [buildConcert(options.window)];
  const concertPath = `/concerts/${CONCERT_ID}`;
  return stubFetch(({ method, path, body }) => {
    if (path.startsWith('/concerts?'))
      return { status: 200, body: { data: concerts, page: 1, limit: 100, total: concerts.length, totalPages: 1 } };
    if (path === `/admin/concerts/${CONCERT_ID}/sales`) return options.salesAnswer?.() ?? { status: 200, body: SALES };
    if (path === `/admin/refunds?concertId=${CONCERT_ID}`) return options.salesAnswer?.() ?? { status: 200, body: [] };
    if (path === '/payments/options') return { status: 200, body: { testMode: true, methods: ['door', 'esewa'] } };
    if (method === 'POST' && path === '/concerts') {
      const created = { ...buildConcert(), id: '11111111-2222-4333-8444-555555555555', ...(body as object), tiers: [] };
      return { status: 201, body: created };
    }
    if (method === 'PUT' && path === concertPath) {
      concerts = concerts.map((concert) => ({ ...concert, ...(body as object) }));
      return { status: 200, body: concerts[0] };
    }
    if (method === 'DELETE' && path === concertPath) {
      if (options.activeBookings) {
        return problem(409, 'concert-has-bookings', {
          detail: 'This concert has active bookings; cancel them before deleting it.',
        });
      }
      concerts = [];
      return { status: 204, body: null };
    }
    return problem(404, 'route-not-found');
  });
}

afterEach(() => sessionStorage.clear());

describe('the organizer page', () => {
  it('lists concerts with sales per tier, fetched with the admin token', async () => {
    sessionStorage.setItem(ADMIN_TOKEN_KEY, TOKEN);
    const { calls } = fakeApi();
    renderApp('/organizer');
    const table = await screen.findByRole('table', { name: 'Sales of Himalayan Echoes per tier' });
    expect(within(table).getByRole('row', { name: 'VIP NPR\u00a0100.00 3 2 15 NPR\u00a0300.00' })).toBeInTheDocument();
    expect(calls.find((call) => call.path.endsWith('/sales'))?.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('when the token is refused, forgets it and asks again', async () => {
    sessionStorage.setItem(ADMIN_TOKEN_KEY, TOKEN);
    fakeApi({ salesAnswer: () => problem(403, 'forbidden') });
    renderApp('/organizer');
    expect(await screen.findByRole('alert')).toHaveTextContent('That token was not accepted');
    expect(screen.getByLabelText('Admin token')).toBeInTheDocument();
    expect(sessionStorage.getItem(ADMIN_TOKEN_KEY)).toBeNull();
  });

  it('previews the layout and its total while editing, and refuses to send an incomplete concert', async () => {
    sessionStorage.setItem(ADMIN_TOKEN_KEY, TOKEN);
    const user = userEvent.setup();
    const { calls } = fakeApi();
    renderApp('/organizer');
    expect(await screen.findByTestId('total-seats')).toHaveTextContent('98');
    const rows = screen.getByLabelText('VIP number of rows');
    await user.clear(rows);
    await user.type(rows, '5');
    expect(screen.getByTestId('total-seats')).toHaveTextContent('134');
    expect(screen.getByTestId('preview-vip')).toHaveTextContent('5 rows · 60 seats');

    await user.click(screen.getByLabelText('Sell Front Row seats'));
    expect(screen.queryByTestId('preview-front')).toBeNull();
    expect(screen.getByTestId('total-seats')).toHaveTextContent('124');

    await user.click(screen.getByRole('button', { name: 'Create concert' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Some details need another look');
    expect(screen.getAllByText('This is needed.')).toHaveLength(4);
    expect(calls.some((call) => call.method === 'POST')).toBe(false);
  });

  it('creates the concert with its layout and links to its public page', async () => {
    sessionStorage.setItem(ADMIN_TOKEN_KEY, TOKEN);
    const user = userEvent.setup();
    const { calls } = fakeApi();
    renderApp('/organizer');
    await user.type(await screen.findByLabelText('Title'), 'Monsoon Ragas');
    await user.type(screen.getByLabelText('Artist'), 'Kutumba');
    await user.type(screen.getByLabelText('Date'), '2027-07-01');
    await user.type(screen.getByLabelText('Venue'), 'Patan Durbar Square');
    await user.type(screen.getByLabelText('City'), 'Lalitpur');
    // The time zone is one of the concert's details, drawn as they are.
    const timeZone = within(screen.getByRole('group', { name: 'Details' })).getByLabelText('Time zone');
    expect(timeZone).toHaveValue('Asia/Kathmandu');
    expect(timeZone.className).toBe(screen.getByLabelText('City').className);
    await user.selectOptions(timeZone, 'America/New_York');
    await user.click(screen.getByRole('button', { name: 'Create concert' }));

    const link = await screen.findByRole('link', { name: 'Open the public page of Monsoon Ragas' });
    expect(link).toHaveAttribute('href', '/concert/11111111-2222-4333-8444-555555555555');
    const post = calls.find((call) => call.method === 'POST');
    expect(post?.authorization).toBe(`Bearer ${TOKEN}`);
    expect(post?.body).toMatchObject({
      title: 'Monsoon Ragas',
      time: '19:00:00',
      timeZone: 'America/New_York',
      tiers: [
        { section: 'front' },
        { section: 'vip' },
        { section: 'ga', rows: [{ row: 1, seats: 16 }, { row: 2 }, { row: 3 }, { row: 4 }] },
      ],
    });
  });

  it('edits a concert: only the changed details are sent, and the list, public page and sales refresh', async () => {
    sessionStorage.setItem(ADMIN_TOKEN_KEY, TOKEN);
    const user = userEvent.setup();
    const { calls } = fakeApi();
    const { client } = renderApp('/organizer');
    client.setQueryData(concertQueryOptions(CONCERT_ID).queryKey, buildConcert());
    await screen.findByRole('table', { name: 'Sales of Himalayan Echoes per tier' });
    const salesFetches = () => calls.filter((call) => call.path.endsWith('/sales')).length;
    const salesBefore = salesFetches();

    await user.click(screen.getByRole('button', { name: 'Edit details of Himalayan Echoes' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit Himalayan Echoes' });
    const title = within(dialog).getByLabelText('Title');
    expect(title).toHaveValue('Himalayan Echoes');
    expect(within(dialog).getByLabelText('Start time')).toHaveValue('19:00');
    await user.clear(title);
    await user.type(title, 'Himalayan Echoes Live');
    await user.clear(within(dialog).getByLabelText('Venue'));
    await user.type(within(dialog).getByLabelText('Venue'), 'Dasarath Stadium');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByRole('link', { name: 'Himalayan Echoes Live' })).toBeInTheDocument();
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByText(/Dasarath Stadium, Kathmandu$/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Edit details of Himalayan Echoes Live' })).toHaveFocus();
    const put = calls.find((call) => call.method === 'PUT');
    expect(put?.path).toBe(`/concerts/${CONCERT_ID}`);
    expect(put?.authorization).toBe(`Bearer ${TOKEN}`);
    expect(put?.body).toEqual({ title: 'Himalayan Echoes Live', venue: 'Dasarath Stadium' });
    expect(client.getQueryState(concertQueryOptions(CONCERT_ID).queryKey)?.isInvalidated).toBe(true);
    expect(salesFetches()).toBeGreaterThan(salesBefore);
  });

  it('checks an edit with the API schema before sending it, and marks the fields to fix', async () => {
    sessionStorage.setItem(ADMIN_TOKEN_KEY, TOKEN);
    const user = userEvent.setup();
    const { calls } = fakeApi();
    renderApp('/organizer');
    await user.click(await screen.findByRole('button', { name: 'Edit details of Himalayan Echoes' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit Himalayan Echoes' });
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    expect(within(dialog).getByRole('status')).toHaveTextContent('nothing to save');

    await user.clear(within(dialog).getByLabelText('Artist'));
    await user.type(within(dialog).getByLabelText('City'), 'x'.repeat(121 - 'Kathmandu'.length));
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Some details need another look');
    expect(within(dialog).getByLabelText('Artist')).toHaveAccessibleDescription('This is needed.');
    expect(within(dialog).getByLabelText('City')).toHaveAccessibleDescription('Keep it to 120 characters.');
    expect(calls.some((call) => call.method === 'PUT')).toBe(false);

    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('button', { name: 'Edit details of Himalayan Echoes' })).toHaveFocus();
  });

  it("creates a concert with a sales window typed on the venue's clock, and refuses one that closes before it opens", async () => {
    sessionStorage.setItem(ADMIN_TOKEN_KEY, TOKEN);
    const user = userEvent.setup();
    const { calls } = fakeApi();
    renderApp('/organizer');
    await user.type(await screen.findByLabelText('Title'), 'Monsoon Ragas');
    await user.type(screen.getByLabelText('Artist'), 'Kutumba');
    await user.type(screen.getByLabelText('Date'), '2027-07-01');
    await user.type(screen.getByLabelText('Venue'), 'Patan Durbar Square');
    await user.type(screen.getByLabelText('City'), 'Lalitpur');
    await user.selectOptions(screen.getByLabelText('Time zone'), 'America/New_York');
    const sales = screen.getByRole('group', { name: 'Sales' });
    expect(sales).toHaveTextContent("On the venue's clock (America/New York).");
    await user.type(within(sales).getByLabelText('Sales open (optional)'), '2027-06-01T10:00');
    await user.type(within(sales).getByLabelText('Sales close (optional)'), '2027-06-01T09:00');
    expect(within(sales).getByLabelText('Sales close (optional)')).toHaveAccessibleDescription(
      'Sales must close after they open.',
    );
    await user.click(screen.getByRole('button', { name: 'Create concert' }));
    expect(screen.getByRole('alert')).toHaveTextContent('Some details need another look');
    expect(calls.some((call) => call.method === 'POST')).toBe(false);

    await user.clear(within(sales).getByLabelText('Sales close (optional)'));
    await user.type(within(sales).getByLabelText('Sales close (optional)'), '2027-06-30T18:00');
    expect(within(sales).getByLabelText('Sales close (optional)')).not.toHaveAccessibleDescription();
    await user.click(screen.getByRole('button', { name: 'Create concert' }));
    await screen.findByRole('link', { name: 'Open the public page of Monsoon Ragas' });
    expect(calls.find((call) => call.method === 'POST')?.body).toMatchObject({
      timeZone: 'America/New_York',
      salesOpenAt: '2027-06-01T10:00:00-04:00',
      salesCloseAt: '2027-06-30T18:00:00-04:00',
    });
  });

  it("edits the sales window on the venue's clock: a cleared bound is sent as null, a new one with the venue's offset", async () => {
    sessionStorage.setItem(ADMIN_TOKEN_KEY, TOKEN);
    const user = userEvent.setup();
    // Sales open at 10:00 in Kathmandu on 1 Feb 2027.
    const { calls } = fakeApi({ window: { salesOpenAt: '2027-02-01T04:15:00.000Z', salesCloseAt: null } });
    renderApp('/organizer');
    await user.click(await screen.findByRole('button', { name: 'Edit details of Himalayan Echoes' }));
    const dialog = screen.getByRole('dialog', { name: 'Edit Himalayan Echoes' });
    const opens = within(dialog).getByLabelText('Sales open (optional)');
    const closes = within(dialog).getByLabelText('Sales close (optional)');
    expect(opens).toHaveValue('2027-02-01T10:00');
    expect(closes).toHaveValue('');

    await user.type(closes, '2027-01-31T20:00');
    expect(closes).toHaveAccessibleDescription('Sales must close after they open.');
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    expect(within(dialog).getByRole('alert')).toHaveTextContent('Some details need another look');
    expect(calls.some((call) => call.method === 'PUT')).toBe(false);

    await user.clear(opens);
    expect(closes).not.toHaveAccessibleDescription();
    await user.click(within(dialog).getByRole('button', { name: 'Save changes' }));
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(calls.find((call) => call.method === 'PUT')?.body).toEqual({
      salesOpenAt: null,
      salesCloseAt: '2027-01-31T20:00:00+05:45',
    });
  });

  it('deletes a concert without bookings once the organizer confirms, and it leaves the list', async () => {
    sessionStorage.setItem(ADMIN_TOKEN_KEY, TOKEN);
    const user = userEvent.setup();
    const { calls } = fakeApi();
    renderApp('/organizer');
    await user.click(await screen.findByRole('button', { name: 'Delete Himalayan Echoes' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete Himalayan Echoes?' });
    expect(within(dialog).getByRole('button', { name: 'Keep concert' })).toHaveFocus();
    expect(calls.some((call) => call.method === 'DELETE')).toBe(false);

    await user.click(within(dialog).getByRole('button', { name: 'Yes, delete concert' }));
    expect(await screen.findByText('No concerts yet. Create the first one above.')).toBeInTheDocument();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
    expect(screen.queryByRole('link', { name: 'Himalayan Echoes' })).toBeNull();
    expect(screen.getByRole('heading', { name: 'Concerts and sales' })).toHaveFocus();
    const deleted = calls.find((call) => call.method === 'DELETE');
    expect(deleted?.path).toBe(`/concerts/${CONCERT_ID}`);
    expect(deleted?.authorization).toBe(`Bearer ${TOKEN}`);
  });

  it('when the concert has active bookings, says so and keeps the concert', async () => {
    sessionStorage.setItem(ADMIN_TOKEN_KEY, TOKEN);
    const user = userEvent.setup();
    fakeApi({ activeBookings: true });
    renderApp('/organizer');
    await user.click(await screen.findByRole('button', { name: 'Delete Himalayan Echoes' }));
    const dialog = screen.getByRole('dialog', { name: 'Delete Himalayan Echoes?' });
    await user.click(within(dialog).getByRole('button', { name: 'Yes, delete concert' }));

    const alert = await within(dialog).findByRole('alert');
    expect(alert).toHaveTextContent('The concert was not deleted');
    expect(alert).toHaveTextContent('This concert has active bookings, so it cannot be deleted.');
    await user.click(within(dialog).getByRole('button', { name: 'Keep concert' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    expect(screen.getByRole('link', { name: 'Himalayan Echoes' })).toBeInTheDocument();
    expect(screen.getByRole('table', { name: 'Sales of Himalayan Echoes per tier' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Delete Himalayan Echoes' })).toHaveFocus();
  });
});
