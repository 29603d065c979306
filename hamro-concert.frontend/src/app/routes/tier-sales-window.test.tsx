import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { TierSummary } from 'hamro-concert.contracts';
import { afterEach, describe, expect, it } from 'vitest';
import { concertQueryOptions } from '../../features/concerts';
import { problem, stubFetch } from '../../test/fetch-stub';
import { buildConcert, buildSalesReport, CONCERT_ID } from '../../test/fixtures';
import { renderApp } from '../../test/render';
import { ADMIN_TOKEN_KEY } from './organizer-page';

const TOKEN = 'organizer-token-0123456789';
const SALES = buildSalesReport();
/** The concert's own sales open at 10:00 on 5 Mar 2026 in Kathmandu (UTC+05:45). */
const CONCERT_OPENS = '2026-03-05T04:15:00.000Z';

/** The organizer page's API; tiers live in memory, so a saved window shows in the next list fetched. */
function fakeApi(refuseTier?: () => ReturnType<typeof problem>) {
  const concert = buildConcert({ salesOpenAt: CONCERT_OPENS });
  let tiers: TierSummary[] = concert.tiers;
  return stubFetch(({ method, path, body }) => {
    if (path.startsWith('/concerts?')) {
      return { status: 200, body: { data: [{ ...concert, tiers }], page: 1, limit: 100, total: 1, totalPages: 1 } };
    }
    if (path === `/admin/concerts/${CONCERT_ID}/sales`) return { status: 200, body: SALES };
    if (path === `/admin/refunds?concertId=${CONCERT_ID}`) return { status: 200, body: [] };
    if (method === 'PUT' && path === '/ticket-tiers') {
      if (refuseTier) return refuseTier();
      const { id, salesOpenAt, salesCloseAt } = body as Pick<TierSummary, 'id' | 'salesOpenAt' | 'salesCloseAt'>;
      const instant = (bound: string | null) => (bound === null ? null : new Date(bound).toISOString());
      tiers = tiers.map((tier) =>
        tier.id === id ? { ...tier, salesOpenAt: instant(salesOpenAt), salesCloseAt: instant(salesCloseAt) } : tier,
      );
      const changed = tiers.find((tier) => tier.id === id)!;
      return { status: 200, body: { ...changed, concertId: CONCERT_ID, ticketTypeId: 1 } };
    }
    return problem(404, 'route-not-found');
  });
}

async function openTierSales() {
  const user = userEvent.setup();
  await user.click(await screen.findByRole('button', { name: 'Tier sales of Himalayan Echoes' }));
  const dialog = screen.getByRole('dialog', { name: 'Tier sales of Himalayan Echoes' });
  const vip = within(dialog).getByRole('form', { name: 'VIP' });
  return { user, dialog, vip };
}

afterEach(() => sessionStorage.clear());

describe("a tier's own sales window", () => {
  it('the organizer sets a VIP presale on the venue clock: the instant is sent, and the page and concert refresh', async () => {
    sessionStorage.setItem(ADMIN_TOKEN_KEY, TOKEN);
    const { calls } = fakeApi();
    const { client } = renderApp('/organizer');
    client.setQueryData(concertQueryOptions(CONCERT_ID).queryKey, buildConcert());
    const windows = await screen.findByRole('list', { name: 'Sales windows of Himalayan Echoes per tier' });
    const windowOf = (tier: string) =>
      within(windows)
        .getAllByRole('listitem')
        .find((item) => item.textContent.startsWith(`${tier}:`))?.textContent;
    expect(
      within(windows)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual([
      "Front Row: On sale with the concert's window",
      "VIP: On sale with the concert's window",
      "General Admission: On sale with the concert's window",
    ]);

    const { user, vip } = await openTierSales();
    expect(within(vip).getByText(/^On the venue's clock \(Asia\/Kathmandu\)/)).toBeInTheDocument();
    await user.type(within(vip).getByLabelText('Sales open (optional)'), '2026-03-03T09:30');
    await user.click(within(vip).getByRole('button', { name: "Save VIP's sales window" }));

    expect(await within(vip).findByRole('status')).toHaveTextContent("VIP's sales window is saved.");
    const put = calls.find((call) => call.method === 'PUT');
    expect(put?.path).toBe('/ticket-tiers');
    expect(put?.authorization).toBe(`Bearer ${TOKEN}`);
    expect(put?.body).toEqual({ id: 2, salesOpenAt: '2026-03-03T09:30:00+05:45', salesCloseAt: null });
    expect(client.getQueryState(concertQueryOptions(CONCERT_ID).queryKey)?.isInvalidated).toBe(true);
    expect(windowOf('VIP')).toBe(
      "VIP: Own window: from Tue, 3 Mar 2026 · 9:30 AM Nepal Time until the concert's close",
    );
    expect(windowOf('Front Row')).toBe("Front Row: On sale with the concert's window");
    expect(within(vip).getByLabelText('Sales open (optional)')).toHaveValue('2026-03-03T09:30');

    await user.click(within(vip).getByRole('button', { name: "Sell with the concert's window" }));
    expect(await within(vip).findByText("VIP now sells with the concert's window.")).toBeInTheDocument();
    expect(calls.filter((call) => call.method === 'PUT').at(-1)?.body).toEqual({
      id: 2,
      salesOpenAt: null,
      salesCloseAt: null,
    });
    await waitFor(() => expect(windowOf('VIP')).toBe("VIP: On sale with the concert's window"));
    expect(within(vip).getByLabelText('Sales open (optional)')).toHaveValue('');
  });

  it('a close before the opening is shown at once and not sent', async () => {
    sessionStorage.setItem(ADMIN_TOKEN_KEY, TOKEN);
    const { calls } = fakeApi();
    renderApp('/organizer');
    const { user, vip } = await openTierSales();
    await user.type(within(vip).getByLabelText('Sales open (optional)'), '2026-03-03T09:30');
    await user.type(within(vip).getByLabelText('Sales close (optional)'), '2026-03-02T09:30');
    expect(within(vip).getByText('Sales must close after they open.')).toBeInTheDocument();
    expect(within(vip).getByRole('button', { name: "Save VIP's sales window" })).toBeDisabled();
    expect(calls.some((call) => call.method === 'PUT')).toBe(false);
  });

  it.each([
    [400, 'validation-failed', "The tier's sales must close after they open."],
    [404, 'ticket-tier-not-found', 'This tier no longer exists; it may have been deleted.'],
  ] as const)('a %i %s from the API says what went wrong', async (status, code, message) => {
    sessionStorage.setItem(ADMIN_TOKEN_KEY, TOKEN);
    fakeApi(() => problem(status, code));
    renderApp('/organizer');
    const { user, vip } = await openTierSales();
    await user.type(within(vip).getByLabelText('Sales open (optional)'), '2026-03-03T09:30');
    await user.click(within(vip).getByRole('button', { name: "Save VIP's sales window" }));
    expect(await within(vip).findByText(message, { exact: false })).toBeInTheDocument();
    expect(within(vip).getByText("VIP's sales window was not saved")).toBeInTheDocument();
  });
});
