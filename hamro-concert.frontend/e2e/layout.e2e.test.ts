import { describe, expect, inject, it } from 'vitest';
import { concertByTitle } from './support/api';
import { browserForFile, horizontalOverflow, openPage, saveScreenshot } from './support/browser';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

describe.each([
  { width: 375, height: 812 },
  { width: 1280, height: 900 },
])('layout at $width px', ({ width, height }) => {
  it('home, concert and find-booking pages fit the width, with seats large enough to tap', async () => {
    const page = await openPage(browser(), width, height);
    const concert = await concertByTitle(baseUrl, 'Phewa Nights');

    await page.goto(baseUrl);
    await page.getByRole('list', { name: 'Upcoming concerts' }).getByRole('article').nth(2).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await saveScreenshot(page, `home-${width}`);

    await page.goto(`${baseUrl}/concert/${concert.id}`);
    await page.getByRole('group', { name: 'General Admission, row 5' }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);

    const seat = page.locator('[data-seat-id]').first();
    const box = await seat.boundingBox();
    expect(box?.width).toBeGreaterThanOrEqual(22);
    expect(box?.height).toBeGreaterThanOrEqual(22);

    const form = await page.getByRole('complementary', { name: 'Your booking' }).boundingBox();
    expect(form).not.toBeNull();
    expect((form?.x ?? -1) >= 0 && (form?.x ?? 0) + (form?.width ?? 0) <= width).toBe(true);
    await saveScreenshot(page, `seat-map-${width}`);

    await page.getByRole('link', { name: 'Find my booking' }).click();
    await page.getByRole('heading', { level: 1, name: 'Find my booking' }).waitFor();
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await saveScreenshot(page, `find-booking-${width}`);
    await page.context().close();
  });
});
