import { randomUUID } from 'node:crypto';
import { createConcert } from '../src/components/concerts/concerts.service.js';
import type { Concert, NewConcert, Seat } from 'hamro-concert.contracts';
import { DEMO_TIERS } from '../src/start-up/seed.js';
import { type TestApp, get } from './harness.js';

export function daysFromToday(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** A concert of this test's own, by default 30 days ahead with the demo layout (20 + 20 + 60 seats). */
export async function buildConcert(app: TestApp, overrides: Partial<NewConcert> = {}): Promise<Concert> {
  const tag = randomUUID().slice(0, 8);
  return createConcert(app.database.db, {
    title: `Test concert ${tag}`,
    artist: `Band ${tag}`,
    date: daysFromToday(30),
    time: '19:30:00',
    venue: 'Test Hall',
    city: 'Kathmandu',
    tiers: DEMO_TIERS,
    ...overrides,
  });
}

export async function seatsOf(app: TestApp, concertId: string): Promise<Seat[]> {
  const response = await get(app, `/seats/concert/${concertId}`);
  return response.body.seats as Seat[];
}

let buyers = 0;
export function buyer(overrides: { userName?: string; userEmail?: string } = {}) {
  buyers += 1;
  return { userName: `Buyer ${buyers}`, userEmail: `buyer-${randomUUID()}@example.com`, ...overrides };
}

export function shuffle<T>(items: T[]): T[] {
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(Math.random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}
