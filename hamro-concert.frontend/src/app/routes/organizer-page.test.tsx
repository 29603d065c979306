import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it } from 'vitest';
import { problem, stubFetch } from '../../test/fetch-stub';
import { buildConcert, CONCERT_ID } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { ADMIN_TOKEN_KEY } from './organizer-page';

const TOKEN = 'organizer-token-0123456789';

const SALES = {
  concertId: CONCERT_ID,
  title: 'Himalayan Echoes',
  tiers: [{ ticketTierId: 2, name: 'VIP', price: '100.00', total: 20, sold: 3, held: 2, free: 15, revenue: '300.00' }],
  totals: { sold: 3, held: 2, free: 15, revenue: '300.00' },
  recentBookings: [],
};

function fakeApi(options: { salesAnswer?: () => ReturnType<typeof problem> } = {}) {
  return stubFetch(({ method, path, body }) => {
    if (path.startsWith('/concerts?'))
      return { status: 200, body: { data: [buildConcert()], page: 1, limit: 100, total: 1, totalPages: 1 } };
    if (path === `/admin/concerts/${CONCERT_ID}/sales`) return options.salesAnswer?.() ?? { status: 200, body: SALES };
    if (method === 'POST' && path === '/concerts') {
      const created = { ...buildConcert(), id: '11111111-2222-4333-8444-555555555555', ...(body as object), tiers: [] };
      return { status: 201, body: created };
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
    expect(within(table).getByRole('row', { name: 'VIP $100.00 3 2 15 $300.00' })).toBeInTheDocument();
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
    await user.click(screen.getByRole('button', { name: 'Create concert' }));

    const link = await screen.findByRole('link', { name: 'Open the public page of Monsoon Ragas' });
    expect(link).toHaveAttribute('href', '/concert/11111111-2222-4333-8444-555555555555');
    const post = calls.find((call) => call.method === 'POST');
    expect(post?.authorization).toBe(`Bearer ${TOKEN}`);
    expect(post?.body).toMatchObject({
      title: 'Monsoon Ragas',
      time: '19:00:00',
      tiers: [
        { section: 'front' },
        { section: 'vip' },
        { section: 'ga', rows: [{ row: 1, seats: 16 }, { row: 2 }, { row: 3 }, { row: 4 }] },
      ],
    });
  });
});
