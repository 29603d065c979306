import type { Concert, Seat } from 'hamro-concert.contracts';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { bookDirectly, createConcert, seatMap, stadiumConcertBody } from './support/api';
import { browserForFile, horizontalOverflow, openPage, saveScreenshot } from './support/browser';
import { seatButtonName } from './support/seat-names';

const baseUrl = inject('baseUrl');
const adminToken = inject('adminToken');
const browser = browserForFile();

/** Targets of the stadium map (frontend README), printed with the figures. */
const TARGETS = { firstMapMs: 1_500, clickMs: 100, elements: 5_000, heapMb: 150, liveMs: 1_000 };

let concert: Concert;
let seats: Seat[];

beforeAll(async () => {
  concert = await createConcert(baseUrl, stadiumConcertBody(`Stadium Night ${Date.now().toString(36)}`), adminToken);
  seats = (await seatMap(baseUrl, concert.id)).seats;
});

const seatsOf = (section: Seat['section'], row: number) =>
  seats.filter((seat) => seat.section === section && seat.row === row);

/** Records, in the page, when the first block of the overview appears (ms since navigation started). */
async function watchFirstBlock(page: Page) {
  await page.addInitScript(() => {
    const observer = new MutationObserver(() => {
      if (document.querySelector('[data-block-key]')) {
        (window as unknown as { firstBlockAt: number }).firstBlockAt = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(document, { childList: true, subtree: true });
  });
}

/** Clicks a seat in the page and times until it shows as chosen, in the page's own clock. */
function timeClick(page: Page, seatId: number): Promise<number> {
  return page.evaluate(
    (id) =>
      new Promise<number>((resolve) => {
        const button = document.querySelector<HTMLButtonElement>(`[data-seat-id="${id}"]`)!;
        const started = performance.now();
        const check = () => {
          const now = document.querySelector(`[data-seat-id="${id}"]`);
          if (now?.getAttribute('data-state') === 'selected') resolve(performance.now() - started);
          else requestAnimationFrame(check);
        };
        button.click();
        check();
      }),
    seatId,
  );
}

async function heapMb(page: Page): Promise<number> {
  const session = await page.context().newCDPSession(page);
  await session.send('HeapProfiler.collectGarbage');
  const { usedSize } = await session.send('Runtime.getHeapUsage');
  await session.detach();
  return usedSize / 1024 / 1024;
}

/** Two fingers on the screen around a point, moved apart (`scale` > 1) or together, as touch events. */
async function pinch(page: Page, scale: number, centre = { x: 187, y: 400 }) {
  const session = await page.context().newCDPSession(page);
  const points = (gap: number) => [
    { x: centre.x - gap / 2, y: centre.y, id: 1 },
    { x: centre.x + gap / 2, y: centre.y, id: 2 },
  ];
  const from = scale > 1 ? 40 : 160;
  await session.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: points(from) });
  for (let step = 1; step <= 8; step++) {
    const gap = from * (1 + ((scale - 1) * step) / 8);
    await session.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: points(gap) });
  }
  await session.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
  await session.detach();
}

/** Books these seats one by one over four parallel buyers, until all are booked or `stop` is called. */
function bookInBackground(targets: Seat[]) {
  let stopped = false;
  let booked = 0;
  const queue = [...targets];
  const buyer = async () => {
    for (let seat = queue.shift(); seat && !stopped; seat = queue.shift()) {
      if ((await bookDirectly(baseUrl, [seat.id], `storm.${seat.id}@example.com`)).status === 201) booked++;
    }
  };
  const buyers = Promise.all([buyer(), buyer(), buyer(), buyer()]);
  return {
    stop: async () => {
      stopped = true;
      await buyers;
      return booked;
    },
  };
}

const elementCount = (page: Page) => page.evaluate(() => document.getElementsByTagName('*').length);

describe('a 50,000-seat concert in the browser', () => {
  it('opens on an overview at once, zooms into a block, and chooses a seat quickly, in a small page', async () => {
    const page = await openPage(browser());
    await watchFirstBlock(page);
    await page.goto(`${baseUrl}/concert/${concert.id}`);
    const overview = page.getByRole('group', { name: 'Blocks of the venue, nearest the stage first' });
    await overview.waitFor();
    const firstMapMs = await page.evaluate(() => (window as unknown as { firstBlockAt: number }).firstBlockAt);
    const overviewElements = await elementCount(page);
    expect(await page.locator('[data-seat-id]').count()).toBe(0);
    // Each section says how many seats it has left; each block how many of its own are free.
    await page.getByRole('group', { name: 'General Admission NPR\u00a025.00 · 40,000 of 40,000 left' }).waitFor();
    const block = page.getByRole('button', {
      name: 'General Admission, rows 1 to 20, far left: 500 of 500 seats free',
      exact: true,
    });
    await saveScreenshot(page, 'stadium-overview');

    const zoomStarted = Date.now();
    await block.click();
    const [seat, next] = seatsOf('ga', 1);
    const seatButton = page.getByRole('button', { name: seatButtonName(concert, seat!, 'available'), exact: true });
    await seatButton.waitFor();
    const zoomMs = Date.now() - zoomStarted;
    expect(await page.locator('[data-seat-id]').count()).toBe(500);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-seat-id')))
      .toBe(String(seat!.id));

    const clicks = [await timeClick(page, seat!.id), await timeClick(page, next!.id)];
    // The same while other buyers book elsewhere in the venue, so the live stream patches the map meanwhile.
    const storm = bookInBackground(seatsOf('ga', 300).concat(seatsOf('ga', 301)));
    const busyClicks: number[] = [];
    for (const other of seatsOf('ga', 2).slice(0, 4)) {
      await new Promise((resolve) => setTimeout(resolve, 400));
      busyClicks.push(await timeClick(page, other.id));
    }
    const stormBookings = await storm.stop();
    await page
      .getByRole('list', { name: 'Chosen seats' })
      .getByText(`General Admission, row 1, seat ${/\d+$/.exec(seat!.seatNumber)![0]}`)
      .waitFor();
    const blockElements = await elementCount(page);
    const heap = await heapMb(page);
    await saveScreenshot(page, 'stadium-block');

    // Back out: the block now says it holds the six chosen seats, and has focus again.
    await page.getByRole('button', { name: '← Whole venue' }).click();
    const chosenBlock = page.getByRole('button', {
      name: 'General Admission, rows 1 to 20, far left: 500 of 500 seats free, 6 seats chosen',
      exact: true,
    });
    await chosenBlock.waitFor();
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.getAttribute('data-block-key')))
      .toBe(await chosenBlock.getAttribute('data-block-key'));

    console.log(
      [
        '',
        'Stadium map in Chromium (50,000 seats):',
        `| from navigation to the usable overview | ${Math.round(firstMapMs)} ms | ≤ ${TARGETS.firstMapMs} ms |`,
        `| from a click on a block to its seat buttons | ${zoomMs} ms | |`,
        `| one click on a seat until it shows as chosen | ${clicks.map((ms) => Math.round(ms)).join(' ms, ')} ms | ≤ ${TARGETS.clickMs} ms |`,
        `| the same while ${stormBookings} bookings elsewhere stream in | ${busyClicks.map((ms) => Math.round(ms)).join(' ms, ')} ms | ≤ ${TARGETS.clickMs} ms |`,
        `| elements in the page: overview / one block open | ${overviewElements} / ${blockElements} | ≤ ${TARGETS.elements} |`,
        `| JS heap after a collection | ${heap.toFixed(1)} MB | ≤ ${TARGETS.heapMb} MB |`,
      ].join('\n'),
    );
    // The times and the heap are figures for the README (printed above), not pass marks: this machine is shared.
    expect(Math.max(overviewElements, blockElements)).toBeLessThanOrEqual(TARGETS.elements);
    expect(busyClicks).toHaveLength(4);
    await page.context().close();
  });

  it('by keyboard alone: move between blocks, open one, choose a seat, and go back with Escape', async () => {
    const page = await openPage(browser());
    await page.goto(`${baseUrl}/concert/${concert.id}`);
    const first = page.getByRole('button', { name: /^Front Row, rows 1 to 20, left: / });
    await first.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowDown');
    const focused = page.locator(':focus');
    expect(await focused.getAttribute('aria-label')).toMatch(/^Front Row, rows 21 to 40, right: /);
    await page.keyboard.press('Enter');
    const row21 = seatsOf('front', 21);
    const seat = row21[25]!;
    await page.getByRole('button', { name: seatButtonName(concert, seat, 'available'), exact: true }).waitFor();
    expect(await page.locator(':focus').getAttribute('aria-label')).toBe(seatButtonName(concert, seat, 'available'));
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: seatButtonName(concert, row21[26]!, 'selected'), exact: true }).waitFor();
    await page.keyboard.press('Escape');
    await page.getByRole('group', { name: 'Blocks of the venue, nearest the stage first' }).waitFor();
    expect(await page.locator(':focus').getAttribute('aria-label')).toMatch(
      /^Front Row, rows 21 to 40, right: .*, 1 seat chosen$/,
    );
    await page.context().close();
  });

  it('on a phone: the overview fits the screen, a tap or a pinch opens a block, and the page never scrolls sideways', async () => {
    const page = await openPage(browser(), 375, 812, { touch: true });
    await page.goto(`${baseUrl}/concert/${concert.id}`);
    const overview = page.getByRole('group', { name: 'Blocks of the venue, nearest the stage first' });
    await overview.waitFor();
    const box = await overview.boundingBox();
    expect((box?.x ?? -1) >= 0 && (box?.x ?? 0) + (box?.width ?? 0) <= 375).toBe(true);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'stadium-phone-overview');
    await page.getByRole('button', { name: /^VIP, rows 1 to 20, right: / }).tap();
    await page.locator('[data-seat-id]').first().waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    const seat = await page.locator('[data-seat-id]').first().boundingBox();
    expect(seat?.width).toBeGreaterThanOrEqual(22);
    await saveScreenshot(page, 'stadium-phone-block');

    // Pinching in goes back to the overview; spreading two fingers over a block opens it.
    const seats = page.getByRole('group', { name: /^Seats of VIP, rows 1 to 20, right/ });
    await seats.scrollIntoViewIfNeeded();
    const grid = await seats.boundingBox();
    await pinch(page, 0.5, { x: 187, y: grid!.y + Math.min(grid!.height, 300) / 2 });
    await overview.waitFor();
    const target = page.getByRole('button', { name: /^General Admission, rows 21 to 40, left of centre: / });
    await target.scrollIntoViewIfNeeded();
    const at = await target.boundingBox();
    await pinch(page, 2, { x: at!.x + at!.width / 2, y: at!.y + at!.height / 2 });
    await page.getByRole('heading', { name: 'General Admission, rows 21 to 40, left of centre' }).waitFor();
    await page.context().close();
  });
});

describe('two buyers on one concert', () => {
  it('a seat booked in one browser shows as booked in the other within a second; a chosen seat taken leaves the selection', async () => {
    const a = await openPage(browser());
    const b = await openPage(browser());
    const [taken, chosen] = seatsOf('vip', 50).slice(0, 2);
    for (const page of [a, b]) {
      await page.goto(`${baseUrl}/concert/${concert.id}`);
      await page.getByRole('button', { name: /^VIP, rows 41 to 60, left: / }).click();
      await page.getByRole('button', { name: seatButtonName(concert, taken!, 'available'), exact: true }).waitFor();
    }
    // B chooses a seat; A books another and then B's.
    await b.getByRole('button', { name: seatButtonName(concert, chosen!, 'available'), exact: true }).click();
    await b.getByRole('list', { name: 'Chosen seats' }).getByRole('listitem').waitFor();

    await a.getByRole('button', { name: seatButtonName(concert, taken!, 'available'), exact: true }).click();
    await a.getByRole('button', { name: /^Continue with 1 seat/ }).click();
    await a.getByLabel('Full name').fill('Asha Tamang');
    await a.getByLabel('Email').fill('asha.tamang@example.com');
    await a.getByRole('button', { name: /^Book 1 seat/ }).click();
    await a.getByRole('dialog', { name: /^You're going to / }).waitFor();
    const bookedAt = Date.now();
    await b.getByRole('button', { name: seatButtonName(concert, taken!, 'booked'), exact: true }).waitFor();
    const liveMs = Date.now() - bookedAt;

    expect((await bookDirectly(baseUrl, [chosen!.id])).status).toBe(201);
    const takenAt = Date.now();
    await b
      .getByRole('status')
      .getByText(/Someone else just booked VIP, row 50, seat/)
      .waitFor();
    const lostMs = Date.now() - takenAt;
    expect(await b.getByText('No seats chosen yet. Pick seats on the map.').isVisible()).toBe(true);
    await saveScreenshot(b, 'stadium-seat-taken');

    console.log(
      [
        '',
        'Live seat map, two browsers:',
        `| a booking in A until B shows the seat booked | ${liveMs} ms | ≤ ${TARGETS.liveMs} ms |`,
        `| B's chosen seat booked elsewhere until B's selection drops it, with a message | ${lostMs} ms | ≤ ${TARGETS.liveMs} ms |`,
      ].join('\n'),
    );
    expect(liveMs).toBeLessThanOrEqual(TARGETS.liveMs);
    expect(lostMs).toBeLessThanOrEqual(TARGETS.liveMs);
    await a.context().close();
    await b.context().close();
  });
});
