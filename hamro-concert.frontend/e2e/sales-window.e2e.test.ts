import { wallClockAt, type Concert } from 'hamro-concert.contracts';
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

describe("when the organizer gives one tier a presale before the concert's sales", () => {
  it('a buyer can choose and hold seats of that tier, while the other tiers are not yet on sale', async () => {
    const title = `Presale Night ${Date.now()}`;
    const concert = await createConcert(
      baseUrl,
      {
        title,
        artist: 'The Early Birds',
        date: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
        time: '19:00:00',
        venue: 'Nepal Academy Hall',
        city: 'Kathmandu',
        salesOpenAt: new Date(Date.now() + 7 * 86_400_000).toISOString(),
        tiers: [
          { name: 'VIP', section: 'vip', price: '100.00', rows: [{ row: 1, seats: 10 }] },
          { name: 'Front Row', section: 'front', price: '50.00', rows: [{ row: 1, seats: 10 }] },
        ],
      },
      adminToken,
    );
    // The presale opened two minutes ago, typed as the venue's clock reads it.
    const presale = wallClockAt(Date.now() - 2 * 60_000, concert.timeZone);
    const presaleInput = `${presale.date}T${presale.time.slice(0, 5)}`;

    const organizer = await openPage(browser(), 1280, 1000);
    await organizer.goto(`${baseUrl}/organizer`);
    await organizer.getByLabel('Admin token').fill(adminToken);
    await organizer.getByRole('button', { name: 'Sign in' }).click();
    const windows = organizer.getByRole('list', { name: `Sales windows of ${title} per tier` });
    await windows.waitFor();
    expect(await windows.getByRole('listitem').allTextContents()).toEqual([
      "VIP: On sale with the concert's window",
      "Front Row: On sale with the concert's window",
    ]);
    await organizer.getByRole('button', { name: `Tier sales of ${title}` }).click();
    const dialog = organizer.getByRole('dialog', { name: `Tier sales of ${title}` });
    const vipForm = dialog.getByRole('form', { name: 'VIP' });
    await vipForm.getByLabel('Sales open (optional)').fill(presaleInput);
    await vipForm.getByRole('button', { name: "Save VIP's sales window" }).click();
    await vipForm.getByRole('status').filter({ hasText: "VIP's sales window is saved." }).waitFor();
    await saveScreenshot(organizer, 'tier-presale', { fullPage: false });
    await dialog.getByRole('button', { name: 'Close', exact: true }).click();
    await windows
      .getByRole('listitem')
      .filter({ hasText: /^VIP: Own window: from .* Nepal Time until the concert's close$/ })
      .waitFor();
    const saved = (await (await fetch(`${baseUrl}/concerts/${concert.id}`)).json()) as Concert;
    const vipTier = saved.tiers.find((tier) => tier.name === 'VIP');
    const savedOpening = wallClockAt(Date.parse(vipTier?.salesOpenAt ?? ''), concert.timeZone);
    expect(`${savedOpening.date}T${savedOpening.time.slice(0, 5)}`).toBe(presaleInput);
    expect(saved.tiers.find((tier) => tier.name === 'Front Row')?.salesOpenAt).toBeNull();
    await organizer.context().close();

    const seats = (await seatMap(baseUrl, concert.id)).seats;
    const vipSeat = seats.find((seat) => seat.section === 'vip')!;
    const frontSeat = seats.find((seat) => seat.section === 'front')!;
    const buyer = await openPage(browser());
    await buyer.goto(`${baseUrl}/concert/${concert.id}`);
    await buyer.getByRole('heading', { level: 1, name: title }).waitFor();
    const front = buyer.getByRole('button', { name: seatButtonName(saved, frontSeat, 'not on sale'), exact: true });
    expect(await front.getAttribute('aria-disabled')).toBe('true');
    await buyer.getByRole('button', { name: seatButtonName(saved, vipSeat, 'available'), exact: true }).click();
    await buyer.getByRole('button', { name: seatButtonName(saved, vipSeat, 'selected'), exact: true }).waitFor();
    await buyer.getByRole('button', { name: 'Continue with 1 seat · NPR\u00a0100.00', exact: true }).click();
    // The hold is the API's word that the VIP presale sells now.
    await buyer.getByRole('timer', { name: / left$/ }).waitFor();
    expect((await seatMap(baseUrl, concert.id)).seats.find((s) => s.id === vipSeat.id)?.status).toBe('held');
    await buyer.context().close();
  });
});
