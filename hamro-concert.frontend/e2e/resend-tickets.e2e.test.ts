import { describe, expect, inject, it } from 'vitest';
import { bookDirectly, concertByTitle, freeSeats } from './support/api';
import { browserForFile, openPage } from './support/browser';

const baseUrl = inject('baseUrl');
const adminToken = inject('adminToken');
const browser = browserForFile();

async function emailsOf(reference: string): Promise<{ kind: string }[]> {
  const response = await fetch(`${baseUrl}/admin/bookings/${reference}/emails`, {
    headers: { Authorization: `Bearer ${adminToken}` },
  });
  return (await response.json()) as { kind: string }[];
}

describe('resending tickets', () => {
  it('an organizer sends a booking’s tickets again by its reference, and is told plainly when there is no such booking', async () => {
    const concert = await concertByTitle(baseUrl, 'Himalayan Echoes');
    const [seat] = await freeSeats(baseUrl, concert.id, 'ga', 1);
    const booked = await bookDirectly(baseUrl, [seat!.id], `resend.${Date.now()}@example.com`);
    expect(booked.status).toBe(201);
    const { reference } = booked.body;
    expect(await emailsOf(reference)).toHaveLength(1);

    const page = await openPage(browser(), 1280, 1000);
    await page.goto(`${baseUrl}/organizer`);
    await page.getByLabel('Admin token').fill(adminToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    const form = page.getByRole('region', { name: 'Send tickets again' });
    // Typed as people read it out: lower case, with dashes.
    const typed = `${reference.slice(0, 4)}-${reference.slice(4, 8)}-${reference.slice(8)}`.toLowerCase();
    await form.getByLabel('Booking reference').fill(typed);
    await form.getByRole('button', { name: 'Send the tickets again' }).click();
    await form.getByText(`The tickets of booking ${reference} are on their way to its buyer again.`).waitFor();
    const emails = await emailsOf(reference);
    expect(emails.map((email) => email.kind)).toEqual(['tickets', 'tickets']);

    await form.getByLabel('Booking reference').fill('ABCDEFGHJK23');
    await form.getByRole('button', { name: 'Send the tickets again' }).click();
    await form.getByRole('alert').getByText('No booking has the reference ABCDEFGHJK23.').waitFor();
  });
});
