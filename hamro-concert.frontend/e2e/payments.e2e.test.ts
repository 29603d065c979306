import type { Concert, Seat } from 'hamro-concert.contracts';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { concertByTitle, freeSeats, seatMap } from './support/api';
import { startApi, type RunningApi } from './support/api-server';
import { browserForFile, horizontalOverflow, openPage, saveScreenshot } from './support/browser';
import { startFakeGateways } from './support/fake-gateways';
import { seatButtonName } from './support/seat-names';

/**
 * Paying online, end to end: this file's own API, pointed at local fakes of Khalti and eSewa, which
 * send the buyer back to it; it sends them on to the web app's /payment page.
 */
let api: RunningApi;
let gateways: Awaited<ReturnType<typeof startFakeGateways>>;
const browser = browserForFile();

beforeAll(async () => {
  gateways = await startFakeGateways();
  api = await startApi(gateways.env);
});

afterAll(async () => {
  await api?.stop();
  await gateways?.close();
});

/** Chooses the seats on the concert's page, holds them and enters the buyer's details. */
async function checkOut(page: Page, concert: Concert, seats: Seat[], buyer: { name: string; email: string }) {
  await page.goto(`${api.baseUrl}/concert/${concert.id}`);
  for (const seat of seats) {
    await page.getByRole('button', { name: seatButtonName(concert, seat, 'available'), exact: true }).click();
  }
  await page.getByRole('button', { name: new RegExp(`^Continue with ${seats.length} seats`) }).click();
  await page.getByRole('timer').waitFor();
  await page.getByLabel('Full name').fill(buyer.name);
  await page.getByLabel('Email').fill(buyer.email);
  const choice = page.getByRole('group', { name: 'How would you like to pay?' });
  await choice.getByText('Test mode: no real money moves.').waitFor();
  return choice;
}

/** Waits for the return from the provider, through the API, to the web app's payment page. */
async function backOnPaymentPage(page: Page): Promise<{ reference: string; result: string | null }> {
  await page.waitForURL((url) => url.href.startsWith(`${api.baseUrl}/payment?`));
  const url = new URL(page.url());
  return { reference: url.searchParams.get('reference') ?? '', result: url.searchParams.get('result') };
}

async function payWithKhalti(page: Page) {
  await page.waitForURL((url) => url.origin === gateways.khalti.url);
  await page.getByLabel('Khalti ID').fill('9800000001');
  await page.getByLabel('MPIN').fill('1111');
  await page.getByLabel('OTP').fill('987654');
  await page.getByRole('button', { name: 'Pay', exact: true }).click();
}

const QR = /^QR code of the ticket for [^:]+, row \d+, seat \d+: [0-9a-f]{32}$/;

describe('paying online', () => {
  it('with Khalti: the buyer pays on Khalti, comes back to "Paid" and the tickets, and the seats are booked', async () => {
    const page = await openPage(browser());
    const concert = await concertByTitle(api.baseUrl, 'Himalayan Echoes');
    const seats = await freeSeats(api.baseUrl, concert.id, 'vip', 2);
    const choice = await checkOut(page, concert, seats, { name: 'Asha Tamang', email: 'asha.khalti@example.com' });
    await choice.getByRole('radio', { name: 'Khalti' }).check();
    await saveScreenshot(page, 'payment-choice');
    await page.getByRole('button', { name: 'Pay with Khalti · NPR\u00a010,000.00', exact: true }).click();

    await payWithKhalti(page);
    const { reference, result } = await backOnPaymentPage(page);
    expect(result).toBe('paid');
    await page.getByRole('heading', { level: 1, name: 'Paid' }).waitFor();
    expect(await page.getByText(/NPR.10,000\.00 paid with Khalti\./).count()).toBe(1);
    expect(await page.getByRole('list', { name: 'Tickets' }).getByRole('img', { name: QR }).count()).toBe(2);
    await saveScreenshot(page, 'payment-paid');

    const payment = [...gateways.khalti.payments.values()].find((p) => p.purchase_order_id.startsWith(`${reference}-`));
    expect(payment).toMatchObject({ status: 'Completed', mobile: '9800000001', amount: 1_000_000 });
    const map = await seatMap(api.baseUrl, concert.id);
    for (const seat of seats) expect(map.seats.find((s) => s.id === seat.id)?.status).toBe('booked');
    await page.context().close();
  });

  it('with eSewa, cancelled: the seats stay held, and paying at the door instead gives the tickets', async () => {
    const page = await openPage(browser());
    const concert = await concertByTitle(api.baseUrl, 'Phewa Nights');
    const seats = await freeSeats(api.baseUrl, concert.id, 'vip', 2);
    const choice = await checkOut(page, concert, seats, { name: 'Bikash Rai', email: 'bikash.esewa@example.com' });
    await choice.getByRole('radio', { name: 'eSewa' }).check();
    await page.getByRole('button', { name: /^Pay with eSewa · NPR/ }).click();

    // The app posted eSewa's signed form; eSewa's page asks for the account, and the buyer cancels.
    await page.waitForURL((url) => url.origin === gateways.esewa.url);
    await page.getByLabel('eSewa ID').waitFor();
    await page.getByRole('button', { name: 'Cancel', exact: true }).click();
    const { reference, result } = await backOnPaymentPage(page);
    expect(result).toBe('cancelled');
    await page.getByRole('heading', { level: 1, name: 'Payment cancelled' }).waitFor();
    expect(await page.getByRole('timer').textContent()).toMatch(/^1[0-5]:\d\d|^0\d:\d\d$/);
    const held = await seatMap(api.baseUrl, concert.id);
    for (const seat of seats) expect(held.seats.find((s) => s.id === seat.id)?.status).not.toBe('available');
    const transaction = [...gateways.esewa.transactions.values()].find((t) =>
      t.transaction_uuid.startsWith(`${reference}-`),
    );
    expect(transaction?.status).toBe('CANCELED');
    await saveScreenshot(page, 'payment-cancelled');

    await page.getByRole('button', { name: 'Pay at the door (cash)' }).click();
    await page.getByRole('heading', { level: 1, name: 'Booked' }).waitFor();
    expect(await page.getByText(/^Pay NPR.10,000\.00 in cash at the door\.$/).count()).toBe(1);
    expect(await page.getByRole('list', { name: 'Tickets' }).getByRole('img', { name: QR }).count()).toBe(2);
    await saveScreenshot(page, 'payment-at-door');
    await page.context().close();
  });

  it('on a phone (390 × 844): Khalti from checkout to the tickets, without the page scrolling sideways', async () => {
    const page = await openPage(browser(), 390, 844, { touch: true, mobile: true });
    const concert = await concertByTitle(api.baseUrl, 'Rock the Valley');
    const seats = await freeSeats(api.baseUrl, concert.id, 'ga', 2);
    const choice = await checkOut(page, concert, seats, { name: 'Nima Sherpa', email: 'nima.phone@example.com' });
    await choice.getByRole('radio', { name: 'Khalti' }).tap();
    expect(await choice.getByRole('radio', { name: 'Khalti' }).isChecked()).toBe(true);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'payment-choice-phone');
    await page.getByRole('button', { name: /^Pay with Khalti · NPR/ }).tap();

    await payWithKhalti(page);
    const { result } = await backOnPaymentPage(page);
    expect(result).toBe('paid');
    await page.getByRole('heading', { level: 1, name: 'Paid' }).waitFor();
    expect(await page.getByRole('list', { name: 'Tickets' }).getByRole('img', { name: QR }).count()).toBe(2);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await saveScreenshot(page, 'payment-paid-phone');
    await page.context().close();
  });
});
