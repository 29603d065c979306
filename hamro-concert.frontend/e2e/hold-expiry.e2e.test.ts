import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concertByTitle, freeSeats, seatMap } from './support/api';
import { startApi, type RunningApi } from './support/api-server';
import { browserForFile, openPage, saveScreenshot } from './support/browser';
import { seatButtonName } from './support/seat-names';

/** Its own API instance, whose holds last only a few seconds. */
const HOLD_SECONDS = 8;
let api: RunningApi;
const browser = browserForFile();

beforeAll(async () => {
  api = await startApi({ HOLD_TTL_SECONDS: String(HOLD_SECONDS) });
});

afterAll(async () => {
  await api?.stop();
});

describe('when a hold runs out', () => {
  it('the countdown reaches zero, the buyer is told, and the seats are back on the map to choose again', async () => {
    const page = await openPage(browser());
    const concert = await concertByTitle(api.baseUrl, 'Himalayan Echoes');
    const seats = await freeSeats(api.baseUrl, concert.id, 'ga', 2);
    const ids = seats.map((seat) => seat.id);

    await page.goto(`${api.baseUrl}/concert/${concert.id}`);
    for (const seat of seats)
      await page.getByRole('button', { name: seatButtonName(concert, seat, 'available'), exact: true }).click();
    await page.getByRole('button', { name: 'Continue with 2 seats · NPR\u00a03,000.00', exact: true }).click();
    const timer = page.getByRole('timer');
    await timer.waitFor();
    expect(await timer.textContent()).toMatch(/^00:0[0-8]$/);
    expect(await page.getByRole('status').filter({ hasText: 'Less than a minute left' }).count()).toBe(1);
    await page.getByLabel('Full name').fill('Nima Sherpa');

    const alert = page.getByRole('alert').filter({ hasText: 'Your hold ran out' });
    await alert.waitFor({ timeout: (HOLD_SECONDS + 10) * 1000 });
    expect(await alert.textContent()).toContain('the seats went back on the map');
    expect(await timer.count()).toBe(0);
    await saveScreenshot(page, 'hold-expired');

    const map = await seatMap(api.baseUrl, concert.id);
    expect(ids.map((id) => map.seats.find((seat) => seat.id === id)?.status)).toEqual(['available', 'available']);
    for (const seat of seats)
      await page.getByRole('button', { name: seatButtonName(concert, seat, 'selected'), exact: true }).waitFor();

    await page.getByRole('button', { name: 'Continue with 2 seats · NPR\u00a03,000.00', exact: true }).click();
    await timer.waitFor();
    expect(await page.getByLabel('Full name').inputValue()).toBe('Nima Sherpa');
    await page.getByLabel('Email').fill('nima@example.com');
    await page.getByRole('button', { name: 'Book 2 seats · NPR\u00a03,000.00', exact: true }).click();
    await page.getByRole('dialog').getByTestId('booking-reference').waitFor();
    await page.context().close();
  });
});
