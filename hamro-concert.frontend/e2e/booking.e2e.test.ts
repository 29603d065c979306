import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { bookDirectly, concertByTitle, freeSeats, seatMap } from './support/api';
import { browserForFile, openPage, saveScreenshot } from './support/browser';
import { seatButtonName } from './support/seat-names';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

/** Presses Continue, which holds the chosen seats, and waits for the countdown beside the form. */
async function holdSeats(page: Page, label: string) {
  await page.getByRole('button', { name: `Continue with ${label}`, exact: true }).click();
  await page.getByRole('timer').waitFor();
}

async function fillDetails(page: Page, name: string, email: string) {
  await page.getByLabel('Full name').fill(name);
  await page.getByLabel('Email').fill(email);
}

describe('booking seats in the browser', () => {
  it('browse, open a concert, choose two seats, book, see the reference; after a reload the seats are booked', async () => {
    const page = await openPage(browser());
    const concert = await concertByTitle(baseUrl, 'Himalayan Echoes');
    const seats = await freeSeats(baseUrl, concert.id, 'vip', 2);

    await page.goto(baseUrl);
    const card = page.getByRole('article', { name: 'Himalayan Echoes' });
    await card.waitFor();
    expect(await card.textContent()).toContain(`${concert.tiers.reduce((n, t) => n + t.available, 0)} tickets left`);
    await page.getByRole('list', { name: 'Upcoming concerts' }).getByRole('article').nth(2).waitFor();
    await saveScreenshot(page, 'home');

    await page.getByRole('link', { name: 'Himalayan Echoes' }).click();
    await page.waitForURL(`${baseUrl}/concert/${concert.id}`);
    await page.getByRole('heading', { level: 1, name: 'Himalayan Echoes' }).waitFor();

    for (const seat of seats) {
      await page.getByRole('button', { name: seatButtonName(concert, seat, 'available'), exact: true }).click();
      await page.getByRole('button', { name: seatButtonName(concert, seat, 'selected'), exact: true }).waitFor();
    }
    const chosen = page.getByRole('list', { name: 'Chosen seats' }).getByRole('listitem');
    expect(await chosen.count()).toBe(2);
    await saveScreenshot(page, 'seat-map');

    await holdSeats(page, '2 seats · NPR\u00a010,000.00');
    await fillDetails(page, 'Asha Tamang', 'asha.tamang@example.com');
    await page.getByRole('button', { name: 'Book 2 seats · NPR\u00a010,000.00', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: "You're going to Himalayan Echoes!" });
    await dialog.waitFor();
    const reference = (await dialog.getByTestId('booking-reference').textContent())?.trim() ?? '';
    expect(reference).toMatch(/^[A-Z0-9]{6,}$/);
    expect(await dialog.textContent()).toContain('NPR\u00a010,000.00');
    await saveScreenshot(page, 'confirmation', { fullPage: false });

    const after = await seatMap(baseUrl, concert.id);
    for (const seat of seats) expect(after.seats.find((s) => s.id === seat.id)?.isBooked).toBe(true);

    await dialog.getByRole('button', { name: 'Done' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.reload();
    for (const seat of seats) {
      await page.getByRole('button', { name: seatButtonName(concert, seat, 'booked'), exact: true }).waitFor();
    }
    await page.context().close();
  });

  it('when another buyer books one of the chosen seats first, names it, drops it and keeps the rest', async () => {
    const page = await openPage(browser());
    const concert = await concertByTitle(baseUrl, 'Phewa Nights');
    const seats = await freeSeats(baseUrl, concert.id, 'ga', 3);
    const [kept1, taken, kept2] = seats as [(typeof seats)[0], (typeof seats)[0], (typeof seats)[0]];

    await page.goto(`${baseUrl}/concert/${concert.id}`);
    for (const seat of seats) {
      await page.getByRole('button', { name: seatButtonName(concert, seat, 'available'), exact: true }).click();
    }
    await page.getByRole('button', { name: 'Continue with 3 seats · NPR\u00a04,500.00', exact: true }).waitFor();

    const other = await bookDirectly(baseUrl, [taken.id]);
    expect(other.status).toBe(201);

    await page.getByRole('button', { name: 'Continue with 3 seats · NPR\u00a04,500.00', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const takenName = seatButtonName(concert, taken, 'booked').replace(/, NPR.*$/, '');
    expect(await alert.textContent()).toContain(`Someone else booked ${takenName} a moment before you.`);

    await page.getByRole('button', { name: seatButtonName(concert, taken, 'booked'), exact: true }).waitFor();
    for (const seat of [kept1, kept2]) {
      await page.getByRole('button', { name: seatButtonName(concert, seat, 'selected'), exact: true }).waitFor();
    }
    expect(await page.getByRole('list', { name: 'Chosen seats' }).getByRole('listitem').count()).toBe(2);

    await holdSeats(page, '2 seats · NPR\u00a03,000.00');
    await fillDetails(page, 'Bikash Rai', 'bikash@example.com');
    await page.getByRole('button', { name: 'Book 2 seats · NPR\u00a03,000.00', exact: true }).click();
    await page.getByRole('dialog').getByTestId('booking-reference').waitFor();
    const after = await seatMap(baseUrl, concert.id);
    for (const seat of seats) expect(after.seats.find((s) => s.id === seat.id)?.isBooked).toBe(true);
    await page.context().close();
  });
});
