import AxeBuilder from '@axe-core/playwright';
import type { Concert } from 'hamro-concert.contracts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { en } from '../src/i18n/en';
import { ne } from '../src/i18n/ne';
import { configureWaitingRoom, createConcert, freeSeats } from './support/api';
import { browserForFile, openPage } from './support/browser';

const baseUrl = inject('baseUrl');
const adminToken = inject('adminToken');
const staffToken = inject('staffToken');
const browser = browserForFile();

const LANGUAGES = [
  { language: 'English', lang: 'en', locale: 'en-US', words: en },
  { language: 'Nepali', lang: 'ne', locale: 'ne-NP', words: ne },
];
const VIEWPORTS = [
  { viewport: 'desktop', width: 1280, height: 800, mobile: false },
  { viewport: 'phone', width: 390, height: 844, mobile: true },
];
const CASES = LANGUAGES.flatMap((language) => VIEWPORTS.map((viewport) => ({ ...language, ...viewport })));

/** A catalog string as a pattern for the name it gives: each {{placeholder}} matches any words. */
function named(template: string): RegExp {
  const pieces = template.split(/\{\{[^}]*\}\}/).map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${pieces.join('.+')}$`);
}

type Violations = Awaited<ReturnType<AxeBuilder['analyze']>>['violations'];

/** One line per element axe found at fault: the rule, what it asks, where, and why it failed. */
function report(violations: Violations): string {
  return violations
    .flatMap((violation) =>
      violation.nodes.map(
        (node) =>
          `${violation.id} (${violation.impact ?? 'unknown'}): ${violation.help}\n` +
          `  at ${node.target.join(' ')}\n  ${(node.failureSummary ?? '').replaceAll('\n', '\n  ')}`,
      ),
    )
    .join('\n');
}

/**
 * The WCAG 2.0 to 2.2 A and AA rules and axe's best practices, with the rules axe still calls
 * experimental (label-content-name-mismatch, a link's name against its visible words, is one).
 */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice', 'experimental'];

/** Runs axe on the page as it stands; none of its rules may find anything. */
async function expectAccessible(page: Page) {
  const { passes, violations } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
  expect(passes.length).toBeGreaterThan(0);
  if (violations.length > 0) console.warn(`axe on ${page.url()}:\n${report(violations)}`);
  expect(
    violations.map((violation) => violation.id),
    report(violations),
  ).toEqual([]);
}

/** A small concert of this file's own, so its bookings leave the demo concerts' seats alone. */
function smallConcert(title: string) {
  const date = new Date(Date.now() + 90 * 86_400_000).toISOString().slice(0, 10);
  return {
    title,
    artist: 'The Accessible Trio',
    date,
    time: '19:00:00',
    venue: 'Nepal Academy Hall',
    city: 'Kathmandu',
    tiers: [
      { name: 'VIP', section: 'vip', price: '80.00', rows: [{ row: 1, seats: 8 }] },
      { name: 'General Admission', section: 'ga', price: '20.00', rows: [1, 2].map((row) => ({ row, seats: 10 })) },
    ],
  };
}

let concert: Concert;
/** A sale an hour away, behind a waiting room: its page is the waiting room. */
let queued: Concert;

beforeAll(async () => {
  concert = await createConcert(baseUrl, smallConcert(`Accessible Evening ${Date.now()}`), adminToken);
  const salesOpenAt = new Date(Date.now() + 3_600_000).toISOString();
  queued = await createConcert(baseUrl, { ...smallConcert(`Accessible Queue ${Date.now()}`), salesOpenAt }, adminToken);
  const room = { enabled: true, admitPerMinute: 20, maxShopping: 50 };
  await configureWaitingRoom(baseUrl, queued.id, room, adminToken);
});

/**
 * Each page in each state a visitor meets it, checked by axe: in English and Nepali, on a desktop and
 * a phone. The tests of one case share one page and run in order (the seats chosen are then held,
 * booked, found, paid for at the door and scanned).
 */
describe.each(CASES)('every page in $language on a $viewport', ({ lang, locale, words, width, height, mobile }) => {
  let page: Page;
  const buyer = { name: 'Maya Rai', email: `maya.rai.${lang}.${width}@example.com` };
  const booked = { reference: '', code: '' };

  beforeAll(async () => {
    page = await openPage(browser(), width, height, { touch: mobile, mobile, locale });
  });

  afterAll(async () => {
    await page?.context().close();
  });

  /** Opens a path and waits until the app speaks the case's language. */
  async function visit(path: string) {
    await page.goto(`${baseUrl}${path}`);
    await page.waitForFunction((expected) => document.documentElement.lang === expected, lang);
  }

  async function signIn(tokenLabel: string, token: string, signedIn: string) {
    await page.getByLabel(tokenLabel).fill(token);
    await page.getByRole('button', { name: words.access.signIn, exact: true }).click();
    await page.getByRole('button', { name: words.access.signOut, exact: true }).waitFor();
    await page.getByText(signedIn).first().waitFor();
  }

  it('the home page', async () => {
    await visit('/');
    // Other files' concerts may come first, so any concert will do: the list has loaded.
    await page.getByRole('article').first().waitFor();
    await expectAccessible(page);
  });

  it('a concert page with its seat map', async () => {
    await visit(`/concert/${concert.id}`);
    await page.getByRole('heading', { level: 1, name: concert.title }).waitFor();
    await page.locator('[data-seat-id]').first().waitFor();
    await expectAccessible(page);
  });

  it('the seat map with two seats chosen', async () => {
    for (const seat of await freeSeats(baseUrl, concert.id, 'ga', 2)) {
      await page.locator(`[data-seat-id="${seat.id}"]`).click();
      await page.locator(`[data-seat-id="${seat.id}"][aria-pressed="true"]`).waitFor();
    }
    await expectAccessible(page);
  });

  it('the checkout step, with the seats held', async () => {
    await page.getByRole('button', { name: named(words.checkout.continueWith) }).click();
    await page.getByRole('timer').waitFor();
    await page.getByRole('heading', { name: words.checkout.details }).waitFor();
    await expectAccessible(page);
  });

  it('the booking confirmation with its tickets', async () => {
    await page.getByLabel(words.checkout.fullName).fill(buyer.name);
    await page.getByLabel(words.common.email, { exact: true }).fill(buyer.email);
    await page.getByRole('button', { name: named(words.checkout.book) }).click();
    const dialog = page.getByRole('dialog');
    booked.reference = (await dialog.getByTestId('booking-reference').textContent())?.trim() ?? '';
    booked.code = (await dialog.locator('code').first().textContent())?.trim() ?? '';
    await expectAccessible(page);
    await dialog.getByRole('button', { name: words.checkout.done, exact: true }).click();
    await dialog.waitFor({ state: 'detached' });
  });

  it('finding a booking: empty, with its errors, and found', async () => {
    await visit('/find-booking');
    await page.getByRole('heading', { level: 1, name: words.findBooking.title }).waitFor();
    await expectAccessible(page);
    await page.getByRole('button', { name: words.findBooking.find, exact: true }).click();
    await page.locator('input[aria-invalid="true"]').nth(1).waitFor();
    await expectAccessible(page);
    await page.getByLabel(words.findBooking.reference).fill(booked.reference);
    await page.getByLabel(words.common.email, { exact: true }).fill(buyer.email);
    await page.getByRole('button', { name: words.findBooking.find, exact: true }).click();
    await page.getByRole('article', { name: concert.title }).waitFor();
    await expectAccessible(page);
  });

  it('the payment page, asking for the booking and then showing it', async () => {
    await visit(`/payment?reference=${booked.reference}`);
    const email = page.getByLabel(words.common.email, { exact: true });
    await email.waitFor();
    await expectAccessible(page);
    await email.fill(buyer.email);
    await page.getByRole('button', { name: words.findBooking.find, exact: true }).click();
    await email.waitFor({ state: 'detached' });
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(page);
  });

  it("the organizer's page, asking for the token, signed in, and editing a concert", async () => {
    await visit('/organizer');
    await page.getByLabel(words.organizer.tokenLabel).waitFor();
    await expectAccessible(page);
    await signIn(words.organizer.tokenLabel, adminToken, concert.title);
    await expectAccessible(page);
    const edit = words.organizer.editLabel.replace('{{concert}}', concert.title);
    await page.getByRole('button', { name: edit, exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.waitFor();
    await expectAccessible(page);
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
  });

  it('the door, asking for the token, signed in, and after a scan', async () => {
    await visit('/door');
    await page.getByLabel(words.door.tokenLabel).waitFor();
    await expectAccessible(page);
    await signIn(words.door.tokenLabel, staffToken, words.door.chooseToStart);
    await expectAccessible(page);
    await page.getByLabel(words.door.concertAtDoor).selectOption(concert.id);
    const input = page.getByLabel(words.door.ticketCode);
    await input.fill(booked.code);
    await input.press('Enter');
    await page.getByTestId('scan-result').getByText(words.door.admitted).waitFor();
    await expectAccessible(page);
  });

  it("a concert's waiting room before its sale opens", async () => {
    await visit(`/concert/${queued.id}`);
    const titles = words.waitingRoom.titles;
    const waiting = new RegExp(`^(${titles['not-yet']}|${titles.waiting})$`);
    await page.getByRole('heading', { level: 2, name: waiting }).waitFor();
    await expectAccessible(page);
  });

  it('the not-found page', async () => {
    await visit('/no-such-page');
    await page.getByRole('heading', { level: 1 }).waitFor();
    await expectAccessible(page);
  });
});
