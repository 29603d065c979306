import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { concertByTitle } from './support/api';
import { browserForFile, openPage, saveScreenshot } from './support/browser';

const baseUrl = inject('baseUrl');
const adminToken = inject('adminToken');
const staffToken = inject('staffToken');
const browser = browserForFile();

async function signIn(page: Page, label: string, token: string) {
  await page.getByLabel(label).fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** A date about a year ahead, so the concert is on sale whenever the test runs. */
function nextYear(): string {
  const date = new Date();
  date.setUTCFullYear(date.getUTCFullYear() + 1);
  return date.toISOString().slice(0, 10);
}

describe('from the organizer to the door', () => {
  it('an organizer creates a concert, a buyer books the best VIP seats, the door admits a ticket once', async () => {
    const title = `Kathmandu Unplugged ${Date.now()}`;

    // The organizer sets up the concert and its venue.
    const organizer = await openPage(browser(), 1280, 1000);
    await organizer.goto(`${baseUrl}/organizer`);
    await signIn(organizer, 'Admin token', adminToken);
    await organizer.getByLabel('Title').fill(title);
    await organizer.getByLabel('Artist').fill('Hamro Unplugged Collective');
    await organizer.getByLabel('Date').fill(nextYear());
    await organizer.getByLabel('Venue').fill('Dasarath Stadium');
    await organizer.getByLabel('City').fill('Kathmandu');
    await organizer.getByLabel('VIP number of rows').fill('3');
    await organizer.getByLabel('VIP seats per row').fill('10');
    // Front Row 1 × 10, VIP 3 × 10, General Admission 4 × 16.
    await organizer.getByTestId('total-seats').getByText('104', { exact: true }).waitFor();
    expect(await organizer.getByTestId('preview-vip').textContent()).toContain('3 rows · 30 seats');
    await saveScreenshot(organizer, 'organizer');
    await organizer.getByRole('button', { name: 'Create concert' }).click();
    const publicLink = organizer.getByRole('link', { name: `Open the public page of ${title}` });
    await publicLink.waitFor();
    const href = (await publicLink.getAttribute('href')) ?? '';
    expect(href).toMatch(/^\/concert\/[0-9a-f-]{36}$/);

    // A buyer lets the system choose two VIP seats and books them.
    const buyer = await openPage(browser(), 1280, 1600);
    await buyer.goto(`${baseUrl}${href}`);
    await buyer.getByRole('heading', { level: 1, name: title }).waitFor();
    const best = buyer.getByRole('form', { name: 'Or let us pick the best seats' });
    await best.getByLabel('Section').selectOption({ label: 'VIP · NPR\u00a0100.00' });
    await best.getByLabel('Tickets').selectOption('2');
    await best.getByRole('button', { name: 'Find best available' }).click();
    await buyer.getByRole('timer').waitFor();
    expect(await buyer.getByRole('list', { name: 'Held seats' }).textContent()).toContain('VIP, row 1');
    await buyer.getByLabel('Full name').fill('Sita Gurung');
    await buyer.getByLabel('Email').fill('sita.gurung@example.com');
    await buyer.getByRole('button', { name: 'Book 2 seats · NPR\u00a0200.00', exact: true }).click();
    const dialog = buyer.getByRole('dialog', { name: `You're going to ${title}!` });
    await dialog.waitFor();
    const tickets = dialog.getByRole('list', { name: 'Tickets' });
    expect(
      await tickets
        .getByRole('img', { name: /^QR code of the ticket for VIP, row 1, seat \d+: [0-9a-f]{32}$/ })
        .count(),
    ).toBe(2);
    const codes = await tickets.locator('code').allTextContents();
    expect(codes).toHaveLength(2);
    await saveScreenshot(buyer, 'confirmation-tickets', { fullPage: false });

    // At the door: the first scan admits, the second is refused as already used.
    const door = await openPage(browser(), 1280, 900);
    await door.goto(`${baseUrl}/door`);
    // A mistyped token is refused at sign-in, before any ticket is scanned.
    await signIn(door, 'Staff token', `${staffToken}-typo`);
    await door.getByText('That token was not accepted. Check it and try again.').waitFor();
    await signIn(door, 'Staff token', staffToken);
    // A door set for another concert refuses the ticket, which stays unused for its own.
    const otherConcert = await concertByTitle(baseUrl, 'Himalayan Echoes');
    const concertAtDoor = door.getByLabel('Concert at this door');
    await concertAtDoor.selectOption(otherConcert.id);
    const input = door.getByLabel('Ticket code');
    await input.fill(codes[0] ?? '');
    await input.press('Enter');
    const result = door.getByTestId('scan-result');
    await result.getByText('WRONG CONCERT').waitFor();
    expect(await result.textContent()).toContain(`This ticket is for ${title}.`);
    await concertAtDoor.selectOption(href.replace('/concert/', ''));
    await door.getByLabel('Ticket code').fill(codes[0] ?? '');
    await door.getByLabel('Ticket code').press('Enter');
    await result.getByText('ADMITTED').waitFor();
    expect(await result.textContent()).toContain('Sita Gurung');
    expect(await input.inputValue()).toBe('');
    await saveScreenshot(door, 'door-admitted');
    await input.fill(codes[0] ?? '');
    await input.press('Enter');
    await result.getByText('ALREADY USED').waitFor();
    expect(await result.getAttribute('data-tone')).toBe('used');

    // The organizer's sales list counts the two seats sold.
    await organizer.goto(`${baseUrl}/organizer`);
    const sales = organizer.getByRole('table', { name: `Sales of ${title} per tier` });
    await sales.waitFor();
    expect(await sales.getByRole('row', { name: /^VIP NPR\s100\.00 2 0 28 NPR\s200\.00$/ }).count()).toBe(1);

    // The organizer moves the concert to a bigger venue; the list shows it without a reload.
    await organizer.getByRole('button', { name: `Edit details of ${title}` }).click();
    const edit = organizer.getByRole('dialog', { name: `Edit ${title}` });
    await edit.getByLabel('Venue').fill('Patan Durbar Square');
    await edit.getByRole('button', { name: 'Save changes' }).click();
    await edit.waitFor({ state: 'detached' });
    const listed = organizer.getByRole('article', { name: title });
    await listed.getByText(/· Patan Durbar Square, Kathmandu$/).waitFor();

    // With two seats sold, the API refuses to delete it, and the organizer is told why.
    await organizer.getByRole('button', { name: `Delete ${title}` }).click();
    const remove = organizer.getByRole('dialog', { name: `Delete ${title}?` });
    await remove.getByRole('button', { name: 'Yes, delete concert' }).click();
    await remove.getByRole('alert').getByText('This concert has active bookings', { exact: false }).waitFor();
    await remove.getByRole('button', { name: 'Keep concert' }).click();
    expect(await organizer.getByRole('link', { name: title, exact: true }).count()).toBe(1);

    // A concert nobody booked yet can go: after confirming, it leaves the list without a reload.
    const spare = `Cancelled Gig ${Date.now()}`;
    const created = await fetch(`${baseUrl}/concerts`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${adminToken}` },
      body: JSON.stringify({
        title: spare,
        artist: 'Nobody',
        date: nextYear(),
        time: '20:00:00',
        venue: 'Hall',
        city: 'Pokhara',
      }),
    });
    expect(created.status).toBe(201);
    await organizer.reload();
    await organizer.getByRole('button', { name: `Delete ${spare}` }).click();
    await organizer
      .getByRole('dialog', { name: `Delete ${spare}?` })
      .getByRole('button', { name: 'Yes, delete concert' })
      .click();
    await organizer.getByRole('link', { name: spare, exact: true }).waitFor({ state: 'detached' });
    expect(await organizer.getByRole('link', { name: title, exact: true }).count()).toBe(1);

    for (const page of [organizer, buyer, door]) await page.context().close();
  });
});
