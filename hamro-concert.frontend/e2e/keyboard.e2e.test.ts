import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { concertByTitle, seatMap } from './support/api';
import { browserForFile, openPage } from './support/browser';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    return {
      tag: el?.tagName ?? '',
      name: el?.getAttribute('aria-label') ?? el?.textContent?.trim() ?? '',
      seatId: el?.dataset.seatId ? Number(el.dataset.seatId) : null,
      label: el?.id ? (document.querySelector(`label[for="${el.id}"]`)?.textContent ?? '') : '',
    };
  });
}

/** Waits until the focused element has this name (focus moves in effects after a render). */
async function expectFocusOn(page: Page, name: string) {
  try {
    await page.waitForFunction(
      (wanted) => {
        const el = document.activeElement as HTMLElement | null;
        return (el?.getAttribute('aria-label') ?? el?.textContent?.trim()) === wanted;
      },
      name,
      { timeout: 15_000 },
    );
  } catch {
    expect((await focused(page)).name).toBe(name);
  }
}

/** Presses Tab until focus is on something that matches, like a person tabbing through the page. */
async function tabTo(page: Page, matches: (f: Awaited<ReturnType<typeof focused>>) => boolean, limit = 60) {
  for (let i = 0; i < limit; i += 1) {
    await page.keyboard.press('Tab');
    if (matches(await focused(page))) return;
  }
  throw new Error(
    `Tabbed ${limit} times without reaching the wanted element; last: ${JSON.stringify(await focused(page))}`,
  );
}

describe('keyboard only', () => {
  it('books seats from the home page without a mouse', async () => {
    const page = await openPage(browser());
    const concert = await concertByTitle(baseUrl, 'Rock the Valley');
    await page.goto(baseUrl);
    await page.getByRole('article', { name: 'Rock the Valley' }).waitFor();

    await tabTo(page, (f) => f.tag === 'A' && f.name === 'Rock the Valley');
    await page.keyboard.press('Enter');
    await page.waitForURL(`${baseUrl}/concert/${concert.id}`);
    await page.getByRole('group', { name: /^VIP, row 1$/ }).waitFor();

    await tabTo(page, (f) => f.seatId !== null);
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowRight');
    const first = await focused(page);
    expect(first.name).toMatch(/^VIP, row 1, seat \d+, NPR\s5,000\.00, available$/);
    await page.keyboard.press('Enter');
    await page.keyboard.press('ArrowRight');
    const second = await focused(page);
    await page.keyboard.press('Space');
    await page.getByRole('button', { name: second.name.replace(/available$/, 'selected'), exact: true }).waitFor();
    await page.getByRole('button', { name: first.name.replace(/available$/, 'selected'), exact: true }).waitFor();

    await tabTo(page, (f) => f.name === 'Continue with 2 seats · NPR\u00a010,000.00');
    await page.keyboard.press('Enter');
    await expectFocusOn(page, 'Your details');
    await page.getByRole('timer').waitFor();
    await page.keyboard.press('Tab');
    expect((await focused(page)).label).toBe('Full name');
    await page.keyboard.type('Sita Shrestha');
    await page.keyboard.press('Tab');
    expect((await focused(page)).label).toBe('Email');
    await page.keyboard.type('sita@example.com');
    // How to pay: Tab reaches the way chosen (the door at first); the arrow keys would choose another.
    await page.keyboard.press('Tab');
    expect((await focused(page)).label).toBe('Pay at the door (cash)');
    await page.keyboard.press('Tab');
    expect((await focused(page)).name).toBe('Book 2 seats · NPR\u00a010,000.00');
    await page.keyboard.press('Enter');

    const dialog = page.getByRole('dialog');
    await dialog.getByTestId('booking-reference').waitFor();
    await expectFocusOn(page, 'Done');
    await page.keyboard.press('Tab');
    await expectFocusOn(page, 'Find or cancel this booking');
    await page.keyboard.press('Tab');
    await expectFocusOn(page, 'Done');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    await expectFocusOn(page, 'Your seats');

    const map = await seatMap(baseUrl, concert.id);
    const booked = map.seats.filter((seat) => seat.isBooked).map((seat) => seat.id);
    expect(booked).toEqual(expect.arrayContaining([first.seatId, second.seatId]));
    await page.context().close();
  });
});
