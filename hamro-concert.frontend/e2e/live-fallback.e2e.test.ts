import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookDirectly, concertByTitle, freeSeats } from './support/api';
import { startApi, type RunningApi } from './support/api-server';
import { browserForFile, openPage } from './support/browser';
import { seatButtonName } from './support/seat-names';

/** Its own API instance, which serves no live streams at all: every stream is refused with 503. */
let api: RunningApi;
const browser = browserForFile();

beforeAll(async () => {
  api = await startApi({ SEAT_EVENTS_MAX_SUBSCRIBERS: '0' });
});

afterAll(async () => {
  await api?.stop();
});

describe('when the live seat stream cannot be had', () => {
  it('the seat map falls back to polling and still shows a seat booked elsewhere, without a reload', async () => {
    const page = await openPage(browser());
    const concert = await concertByTitle(api.baseUrl, 'Phewa Nights');
    const [seat] = await freeSeats(api.baseUrl, concert.id, 'ga', 1);
    const refused = page.waitForResponse((response) => response.url().endsWith('/seats/events'));
    await page.goto(`${api.baseUrl}/concert/${concert.id}`);
    expect((await refused).status()).toBe(503);
    await page.getByRole('button', { name: seatButtonName(concert, seat!, 'available'), exact: true }).waitFor();

    expect((await bookDirectly(api.baseUrl, [seat!.id])).status).toBe(201);
    // The map is polled every 15 s while there is no stream.
    await page
      .getByRole('button', { name: seatButtonName(concert, seat!, 'booked'), exact: true })
      .waitFor({ timeout: 20_000 });
    await page.context().close();
  });
});
