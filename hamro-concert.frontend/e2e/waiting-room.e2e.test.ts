import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import {
  configureWaitingRoom,
  createConcert,
  holdWithoutPass,
  joinWaitingRoom,
  seatMap,
  visitWaitingRoom,
} from './support/api';
import { browserForFile, openPage, saveScreenshot } from './support/browser';
import { seatButtonName } from './support/seat-names';

const baseUrl = inject('baseUrl');
const adminToken = inject('adminToken');
const browser = browserForFile();

/** Long enough for the early visitors to join before the opening, short enough to wait for. */
const OPENS_IN_MS = 5_000;
/** One admission every 3 s. */
const ADMIT_PER_MINUTE = 20;
const EARLY_VISITORS = 4;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The visitor's number in line as the waiting room shows it, or null once it shows none. */
async function shownPosition(page: Page): Promise<number | null> {
  const value = page.locator('dt', { hasText: 'Your number in line' }).locator('xpath=following-sibling::dd');
  if ((await value.count()) === 0) return null;
  const text = await value.textContent({ timeout: 1_000 }).catch(() => null);
  return text === null ? null : Number(text.replace(/\D/g, ''));
}

describe('an on-sale behind a waiting room', () => {
  it('visitors who came early are drawn first; a later one sees their number fall, is let in without a reload, holds and books', async () => {
    const opensAt = Date.now() + OPENS_IN_MS;
    const title = `Sold-Out Saturday ${Date.now()}`;
    const concert = await createConcert(
      baseUrl,
      {
        title,
        artist: 'The Long Line',
        date: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
        time: '19:00:00',
        venue: 'Nepal Academy Hall',
        city: 'Kathmandu',
        salesOpenAt: new Date(opensAt).toISOString(),
        tiers: [{ name: 'VIP', section: 'vip', price: '100.00', rows: [{ row: 1, seats: 10 }] }],
      },
      adminToken,
    );
    const room = await configureWaitingRoom(
      baseUrl,
      concert.id,
      { enabled: true, admitPerMinute: ADMIT_PER_MINUTE, maxShopping: 50 },
      adminToken,
    );
    expect(room).toMatchObject({ enabled: true, admitPerMinute: ADMIT_PER_MINUTE, waiting: 0 });

    // Early visitors over plain HTTP: a ticket each, no place until the draw at the opening.
    const early = await Promise.all(Array.from({ length: EARLY_VISITORS }, () => joinWaitingRoom(baseUrl, concert.id)));
    for (const { status, visit } of early) {
      expect(status).toBe(201);
      expect(visit).toMatchObject({ state: 'waiting', position: null, place: null });
      expect(visit.ticket).toBeTruthy();
    }
    expect(Date.now()).toBeLessThan(opensAt);

    await sleep(opensAt - Date.now() + 1_000);
    const [first, second] = (await seatMap(baseUrl, concert.id)).seats;
    // While the room is on, a hold without its pass is refused, even with sales open.
    const refused = await holdWithoutPass(baseUrl, concert.id, [second!.id]);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('admission-required');

    const page = await openPage(browser());
    const seatRequests: string[] = [];
    page.on('request', (request) => {
      // The map (/seats/concert/:id) and its live stream (/concerts/:id/seats/events).
      if (new URL(request.url()).pathname.includes('/seats')) seatRequests.push(request.url());
    });
    await page.goto(`${baseUrl}/concert/${concert.id}`);
    await page.getByRole('heading', { level: 2, name: "You're in the waiting room" }).waitFor();
    await page.locator('dt', { hasText: 'Your number in line' }).waitFor();
    const firstSeen = (await shownPosition(page))!;
    // Behind those drawn at the opening, less whoever has been let in meanwhile.
    expect(firstSeen).toBeGreaterThanOrEqual(2);
    expect(firstSeen).toBeLessThanOrEqual(EARLY_VISITORS + 1);
    // The polite live region says the number too (it may have moved on since it was read).
    expect(
      await page
        .getByRole('status')
        .filter({ hasText: /^You are number \d+ in line\.$/ })
        .count(),
    ).toBe(1);
    await saveScreenshot(page, 'waiting-room');
    // Marks this document: the seats must open in it, not after a reload.
    await page.evaluate(() => ((window as unknown as { stillHere: boolean }).stillHere = true));

    const seen = [firstSeen];
    let mapWhileWaiting = seatRequests.length;
    const deadline = Date.now() + (firstSeen * 60_000) / ADMIT_PER_MINUTE + 30_000;
    const available = page.getByRole('button', { name: seatButtonName(concert, first!, 'available'), exact: true });
    while ((await available.count()) === 0) {
      if (Date.now() > deadline) throw new Error(`Not admitted in time; positions seen: ${seen.join(', ')}`);
      const position = await shownPosition(page);
      if (position !== null && position !== seen.at(-1)) seen.push(position);
      if (position !== null) mapWhileWaiting = seatRequests.length;
      await sleep(200);
    }
    expect(Math.min(...seen)).toBeLessThan(firstSeen);
    expect(seen).toEqual([...seen].sort((a, b) => b - a));
    // Those in line neither load the seat map nor follow its stream.
    expect(mapWhileWaiting).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { stillHere?: boolean }).stillHere)).toBe(true);
    await page.getByText("It's your turn to choose seats").waitFor();
    // The early visitors were drawn ahead, so their turns came first.
    for (const { visit } of early) {
      expect((await visitWaitingRoom(baseUrl, concert.id, visit.ticket!)).state).toBe('admitted');
    }

    await available.click();
    await page.getByRole('button', { name: seatButtonName(concert, first!, 'selected'), exact: true }).waitFor();
    await page.getByRole('button', { name: 'Continue with 1 seat · NPR\u00a0100.00', exact: true }).click();
    await page.getByRole('timer').waitFor();
    await page.getByLabel('Full name').fill('Pema Lama');
    await page.getByLabel('Email').fill('pema.lama@example.com');
    await page.getByRole('button', { name: 'Book 1 seat · NPR\u00a0100.00', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: `You're going to ${title}!` });
    await dialog.waitFor();
    expect((await seatMap(baseUrl, concert.id)).seats.find((s) => s.id === first!.id)?.isBooked).toBe(true);

    // The booking used the pass up: once the confirmation is closed, joining again is the way back in.
    await dialog.getByRole('button', { name: 'Done' }).click();
    await page.getByRole('heading', { level: 2, name: 'Your turn has ended' }).waitFor();
    await page.getByRole('button', { name: 'Join again' }).waitFor();
    await page.context().close();
  });
});
