import type { Concert } from 'hamro-concert.contracts';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { en } from '../src/i18n/en';
import { concertByTitle, freeSeats } from './support/api';
import { browserForFile, openPage, saveScreenshot } from './support/browser';

const baseUrl = inject('baseUrl');
const browser = browserForFile();

/** Every English catalog string, split at its placeholders and tags: the pieces a page could show. */
function englishPieces(catalog: unknown): string[] {
  if (typeof catalog === 'string') {
    return catalog
      .split(/\{\{[^}]*\}\}|<\/?[a-z]+>/)
      .map((piece) => piece.trim().replace(/^[\s·:,.(]+|[\s·:,.()]+$/g, ''))
      .filter((piece) => /\p{L}{2}/u.test(piece) && piece.length >= 4);
  }
  return Object.values(catalog as Record<string, unknown>).flatMap(englishPieces);
}

const ENGLISH = [...new Set(englishPieces(en))];

/** The names of the concert's own data, which stay as the organizer wrote them, whatever the language. */
function concertData(concert: Concert): string[] {
  return [
    concert.title,
    concert.artist,
    concert.venue,
    concert.city,
    concert.description,
    ...concert.tiers.map((tier) => tier.name),
  ].filter(Boolean);
}

/** The English catalog strings the page shows, once the concert's data, the buyer's and the brand are left out. */
async function englishOnPage(page: Page, data: readonly string[]): Promise<string[]> {
  let text = await page.evaluate(() => document.body.innerText);
  for (const own of [...data, 'Hamro Concert', 'English']) text = text.replaceAll(own, ' ');
  return ENGLISH.filter((piece) => text.includes(piece));
}

const DEVANAGARI_DIGIT = /[०-९]/;
/** "२०८३ पुस २२, बुधबार": a Bikram Sambat date as Nepal's posters print it. */
const BS_DATE = /२०[०-९]{2} (बैशाख|जेठ|असार|साउन|भदौ|असोज|कात्तिक|मंसिर|पुस|माघ|फागुन|चैत) [०-९]{1,2}, \S+बार/;

describe('the buyer journey in Nepali', () => {
  it('a Nepali browser sees the concerts, picks a seat and books it paying at the door, all in Nepali; the switch flips to English and back, remembered', async () => {
    const page = await openPage(browser(), 1280, 900, { locale: 'ne-NP' });
    const concert = await concertByTitle(baseUrl, 'Himalayan Echoes');
    const [seat] = await freeSeats(baseUrl, concert.id, 'ga', 1);
    const buyer = { name: 'Sita Sharma', email: 'sita.sharma@example.com' };
    const data = [...concertData(concert), buyer.name, buyer.email];

    // The home page: in Nepali at once, with Devanagari digits and the date in Bikram Sambat.
    await page.goto(baseUrl);
    const card = page.getByRole('article', { name: concert.title });
    await card.waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ne');
    await page.getByRole('heading', { name: 'आगामी कन्सर्टहरू' }).waitFor();
    const cardText = (await card.innerText()) ?? '';
    expect(cardText).toMatch(BS_DATE);
    expect(cardText).toContain('टिकट बाँकी');
    expect(cardText).toMatch(DEVANAGARI_DIGIT);
    expect(cardText).toContain('नेरू');
    expect(cardText).not.toMatch(/[0-9]/);
    // Other test files' concerts may share the list: their titles and venues are their organizers' words.
    const listed = (await (await fetch(`${baseUrl}/concerts?page=1&limit=100`)).json()) as { data: Concert[] };
    expect(await englishOnPage(page, [...data, ...listed.data.flatMap(concertData)])).toEqual([]);
    await saveScreenshot(page, 'nepali-home');

    // The concert's page and its seat map.
    await page.getByRole('link', { name: concert.title }).click();
    await page.waitForURL(`${baseUrl}/concert/${concert.id}`);
    await page.getByRole('heading', { name: 'आफ्नो सिट रोज्नुहोस्' }).waitFor();
    expect(await page.getByRole('banner').first().innerText()).toBeDefined();
    const seatButton = page.locator(`[data-seat-id="${seat!.id}"]`);
    await seatButton.click();
    await page.locator(`[data-seat-id="${seat!.id}"][aria-pressed="true"]`).waitFor();
    expect(await seatButton.getAttribute('aria-label')).toMatch(/पङ्क्ति [०-९]+, सिट [०-९]+, नेरू [०-९,.]+, रोजिएको$/);
    const seatsText = await page.locator('main').innerText();
    expect(seatsText).toMatch(BS_DATE);
    expect(await englishOnPage(page, data)).toEqual([]);
    await saveScreenshot(page, 'nepali-seat-map');

    // Hold the seat, give the buyer's details, pay at the door.
    await page.getByRole('button', { name: /^१ सिट · नेरू [०-९,.]+ लिएर अगाडि बढ्नुहोस्$/ }).click();
    await page.getByRole('timer').waitFor();
    await page.getByLabel('पूरा नाम').fill(buyer.name);
    await page.getByLabel('इमेल').fill(buyer.email);
    const door = page.getByRole('radio', { name: 'ढोकामा तिर्ने (नगद)' });
    if ((await door.count()) > 0) await door.check();
    expect(await englishOnPage(page, data)).toEqual([]);
    await saveScreenshot(page, 'nepali-checkout');
    const sent = page.waitForRequest((request) => request.url().endsWith('/ticket-bookings/seats'));
    await page.getByRole('button', { name: /^१ सिट · नेरू [०-९,.]+ बुक गर्नुहोस्$/ }).click();
    // The booking says the buyer's language, so its emails come in Nepali too.
    expect((await sent).postDataJSON()).toMatchObject({ language: 'ne', payment: 'door' });

    // The confirmation, with the tickets.
    const dialog = page.getByRole('dialog', { name: `तपाईं ${concert.title} हेर्न जाँदै हुनुहुन्छ!` });
    await dialog.waitFor();
    const reference = (await dialog.getByTestId('booking-reference').textContent())?.trim() ?? '';
    expect(reference).toMatch(/^[A-Z0-9]{6,}$/);
    const dialogText = await dialog.innerText();
    expect(dialogText).toContain(`${buyer.name} का लागि १ सिट बुक भयो।`);
    expect(dialogText).toMatch(BS_DATE);
    expect(dialogText).toContain('ढोकामा नेरू');
    expect(await dialog.getByRole('list', { name: 'टिकटहरू' }).getByRole('listitem').count()).toBe(1);
    const tickets = await dialog.getByRole('list', { name: 'टिकटहरू' }).innerText();
    expect(await englishOnPage(page, [...data, reference, tickets.split('\n').at(-1) ?? ''])).toEqual([]);
    await saveScreenshot(page, 'nepali-confirmation', { fullPage: false });
    await dialog.getByRole('button', { name: 'सकियो' }).click();
    await dialog.waitFor({ state: 'detached' });

    // The switch: to English, remembered after a reload, and back to Nepali.
    const language = (name: string) => page.getByRole('combobox', { name });
    await language('भाषा').selectOption('en');
    await page.getByRole('heading', { name: 'Choose your seats' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.reload();
    await page.getByRole('heading', { name: 'Choose your seats' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    expect(await page.locator('main').innerText()).toMatch(/[a-z]+ \d{1,2}, 20\d\d BS \(\w+day\)/i);
    await language('Language').selectOption('ne');
    await page.getByRole('heading', { name: 'आफ्नो सिट रोज्नुहोस्' }).waitFor();
    await page.reload();
    await page.getByRole('heading', { name: 'आफ्नो सिट रोज्नुहोस्' }).waitFor();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('ne');
    expect(await englishOnPage(page, data)).toEqual([]);
    await page.context().close();
  });
});
