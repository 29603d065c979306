import type { Concert, Seat } from 'hamro-concert.contracts';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { concertByTitle, freeSeats, seatMap } from './support/api';
import { browserForFile, openPage, saveScreenshot } from './support/browser';
import { seatButtonName } from './support/seat-names';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

async function seatStatuses(concertId: string, seatIds: number[]) {
  const map = await seatMap(baseUrl, concertId);
  return seatIds.map((id) => map.seats.find((seat) => seat.id === id)?.status);
}

/** Polls the API until the seats have the wanted status (a release is sent as the page moves on). */
async function waitForStatus(concertId: string, seatIds: number[], status: string) {
  for (let i = 0; i < 40; i += 1) {
    if ((await seatStatuses(concertId, seatIds)).every((s) => s === status)) return;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  expect(await seatStatuses(concertId, seatIds)).toEqual(seatIds.map(() => status));
}

async function clickSeats(page: Page, names: string[]) {
  for (const name of names) await page.getByRole('button', { name, exact: true }).click();
}

/** Opens the concert, chooses two seats and presses Continue, which holds them. */
async function openAndHold(page: Page, concert: Concert, seats: Seat[]) {
  await page.goto(`${baseUrl}/concert/${concert.id}`);
  await clickSeats(
    page,
    seats.map((seat) => seatButtonName(concert, seat, 'available')),
  );
  await page.getByRole('button', { name: /^Continue with 2 seats/ }).click();
  await page.getByRole('timer').waitFor();
}

describe('holding seats, then finding and cancelling the booking', () => {
  it('hold with a countdown, book, then find the booking by reference and email, cancel it, and see the seats free again', async () => {
    const page = await openPage(browser());
    const concert = await concertByTitle(baseUrl, 'Rock the Valley');
    const seats = await freeSeats(baseUrl, concert.id, 'front', 2);
    const ids = seats.map((seat) => seat.id);
    const price = Number(concert.tiers.find((tier) => tier.id === seats[0]?.ticketTierId)?.price ?? 0);
    const total = new Intl.NumberFormat('en-US', { style: 'currency', currency: concert.currency }).format(price * 2);

    await page.goto(`${baseUrl}/concert/${concert.id}`);
    await clickSeats(
      page,
      seats.map((seat) => seatButtonName(concert, seat, 'available')),
    );
    await page.getByRole('button', { name: `Continue with 2 seats · ${total}`, exact: true }).click();
    const timer = page.getByRole('timer');
    await timer.waitFor();
    expect(await timer.textContent()).toMatch(/^(10:00|09:[0-5]\d)$/);
    expect(await seatStatuses(concert.id, ids)).toEqual(['held', 'held']);
    await saveScreenshot(page, 'checkout-countdown');

    const other = await openPage(browser());
    await other.goto(`${baseUrl}/concert/${concert.id}`);
    for (const seat of seats)
      await other.getByRole('button', { name: seatButtonName(concert, seat, 'held'), exact: true }).waitFor();
    await other.context().close();

    await page.getByLabel('Full name').fill('Maya Gurung');
    await page.getByLabel('Email').fill('maya.gurung@example.com');
    await page.getByRole('button', { name: `Book 2 seats · ${total}`, exact: true }).click();
    const dialog = page.getByRole('dialog', { name: "You're going to Rock the Valley!" });
    const reference = (await dialog.getByTestId('booking-reference').textContent())?.trim() ?? '';
    expect(reference).toMatch(/^[A-Z0-9]{10,}$/);
    expect(await seatStatuses(concert.id, ids)).toEqual(['booked', 'booked']);

    await dialog.getByRole('link', { name: 'Find or cancel this booking' }).click();
    await page.waitForURL(`${baseUrl}/find-booking?reference=${reference}`);
    await page.getByRole('heading', { level: 1, name: 'Find my booking' }).waitFor();
    expect(await page.getByLabel('Booking reference').inputValue()).toBe(reference);
    await page.getByLabel('Email').fill('maya.gurung@example.com');
    await page.getByRole('button', { name: 'Find booking' }).click();
    const booking = page.getByRole('article', { name: 'Rock the Valley' });
    await booking.waitFor();
    expect(await booking.textContent()).toContain('Confirmed');
    expect(await booking.textContent()).toContain(total);
    expect(await page.getByRole('list', { name: 'Booked seats' }).textContent()).toContain('Front Row, row');
    await saveScreenshot(page, 'find-booking');

    await page.getByRole('button', { name: 'Cancel booking' }).click();
    const confirm = page.getByRole('dialog', { name: 'Cancel this booking?' });
    await confirm.getByRole('button', { name: 'Yes, cancel booking' }).click();
    await confirm.waitFor({ state: 'detached' });
    await page.getByText('Your booking is cancelled. The seats are free for other buyers again.').waitFor();
    expect(await booking.textContent()).toContain('Cancelled');
    expect(await page.getByRole('button', { name: 'Cancel booking' }).count()).toBe(0);
    await saveScreenshot(page, 'find-booking-cancelled');
    expect(await seatStatuses(concert.id, ids)).toEqual(['available', 'available']);

    await page.getByRole('link', { name: 'Concerts' }).click();
    await page.getByRole('link', { name: 'Rock the Valley' }).click();
    for (const seat of seats)
      await page.getByRole('button', { name: seatButtonName(concert, seat, 'available'), exact: true }).waitFor();
    await page.context().close();
  });

  it('a wrong email finds nothing, and says so without revealing the booking', async () => {
    const page = await openPage(browser());
    await page.goto(`${baseUrl}/find-booking`);
    await page.getByLabel('Booking reference').fill('ABCD EFGH JKLM');
    await page.getByLabel('Email').fill('nobody@example.com');
    await page.getByRole('button', { name: 'Find booking' }).click();
    expect(await page.getByRole('alert').textContent()).toContain(
      'We could not find a booking with that reference and email.',
    );
    await page.context().close();
  });

  it('Change seats and leaving the page both give the hold back at once', async () => {
    const page = await openPage(browser());
    const concert = await concertByTitle(baseUrl, 'Phewa Nights');
    const seats = await freeSeats(baseUrl, concert.id, 'vip', 2);
    const ids = seats.map((seat) => seat.id);

    await openAndHold(page, concert, seats);
    expect(await seatStatuses(concert.id, ids)).toEqual(['held', 'held']);
    await page.getByRole('button', { name: 'Change seats' }).click();
    await waitForStatus(concert.id, ids, 'available');
    for (const seat of seats)
      await page.getByRole('button', { name: seatButtonName(concert, seat, 'selected'), exact: true }).waitFor();

    await page.getByRole('button', { name: /^Continue with 2 seats/ }).click();
    await page.getByRole('timer').waitFor();
    await waitForStatus(concert.id, ids, 'held');
    await page.getByRole('link', { name: 'Find my booking' }).click();
    await waitForStatus(concert.id, ids, 'available');

    await openAndHold(page, concert, seats);
    await page.goto('about:blank');
    await waitForStatus(concert.id, ids, 'available');
    await page.context().close();
  });
});
