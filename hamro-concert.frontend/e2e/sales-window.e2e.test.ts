import { describe, expect, inject, it } from 'vitest';
import { createConcert, seatMap } from './support/api';
import { browserForFile, openPage, saveScreenshot } from './support/browser';
import { seatButtonName } from './support/seat-names';

const baseUrl = inject('baseUrl');
const adminToken = inject('adminToken');
const browser = browserForFile();

/** Long enough to see the page before the opening on a slow machine, short enough to wait for. */
const OPENS_IN_MS = 6_000;

describe('when sales open in a few seconds', () => {
  it('the page counts down, no seat can be chosen, then at the minute they can without a reload, and the buyer books', async () => {
    const page = await openPage(browser());
    const title = `Opening Night ${Date.now()}`;
    const opensAt = Date.now() + OPENS_IN_MS;
    const concert = await createConcert(
      baseUrl,
      {
        title,
        artist: 'The Early Birds',
        date: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
        time: '19:00:00',
        venue: 'Nepal Academy Hall',
        city: 'Kathmandu',
        salesOpenAt: new Date(opensAt).toISOString(),
        tiers: [{ name: 'VIP', section: 'vip', price: '100.00', rows: [{ row: 1, seats: 10 }] }],
      },
      adminToken,
    );
    const seat = (await seatMap(baseUrl, concert.id)).seats[0]!;

    await page.goto(`${baseUrl}/concert/${concert.id}`);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const timer = page.getByRole('timer');
    expect(await timer.textContent()).toMatch(/^00:0[0-6]$/);
    expect(await timer.getAttribute('aria-live')).toBe('off');
    expect(await page.getByText(/^Sales open /).textContent()).toMatch(/ Nepal Time$/);
    const notOnSale = page.getByRole('button', { name: seatButtonName(concert, seat, 'not on sale'), exact: true });
    expect(await notOnSale.getAttribute('aria-disabled')).toBe('true');
    // Forced: Playwright itself would wait for an aria-disabled button to turn enabled.
    await notOnSale.click({ force: true });
    expect(await notOnSale.count()).toBe(1);
    expect(await page.getByRole('list', { name: 'Chosen seats' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Choose seats to continue' }).isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Find best available' }).isDisabled()).toBe(true);
    await saveScreenshot(page, 'sales-not-open');
    // Marks this document: after the opening it must be the same one, not a reload.
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

    const available = page.getByRole('button', { name: seatButtonName(concert, seat, 'available'), exact: true });
    await available.waitFor({ timeout: OPENS_IN_MS + 10_000 });
    expect(Date.now()).toBeGreaterThanOrEqual(opensAt - 50);
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    expect(await page.getByRole('status').filter({ hasText: 'Sales are open' }).count()).toBe(1);
    expect(await timer.count()).toBe(0);

    await available.click();
    await page.getByRole('button', { name: seatButtonName(concert, seat, 'selected'), exact: true }).waitFor();
    await page.getByRole('button', { name: 'Continue with 1 seat · NPR\u00a0100.00', exact: true }).click();
    await page.getByRole('timer').waitFor();
    await page.getByLabel('Full name').fill('Pema Lama');
    await page.getByLabel('Email').fill('pema.lama@example.com');
    await page.getByRole('button', { name: 'Book 1 seat · NPR\u00a0100.00', exact: true }).click();
    await page.getByRole('dialog', { name: `You're going to ${title}!` }).waitFor();
    expect((await seatMap(baseUrl, concert.id)).seats.find((s) => s.id === seat.id)?.isBooked).toBe(true);
    await page.context().close();
  });
});
