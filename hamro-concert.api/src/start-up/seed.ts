import { count, eq } from 'drizzle-orm';
import { createConcert } from '../components/concerts/concerts.service.js';
import type { NewConcert } from 'hamro-concert.contracts';
import type { Clock } from '../lib/clock.js';
import type { Db } from '../db/client.js';
import { appState, concerts } from '../db/schema.js';

const SEEDED_KEY = 'demo-data-seeded-at';

/** The standard layout of the demo concerts: 20 VIP, 20 Front Row and 60 General Admission seats (the tests' prices). */
export const DEMO_TIERS: NewConcert['tiers'] = [
  { name: 'Front Row', section: 'front', price: '50.00', rows: [{ row: 1, seats: 20 }] },
  { name: 'VIP', section: 'vip', price: '100.00', rows: [1, 2].map((row) => ({ row, seats: 10 })) },
  {
    name: 'General Admission',
    section: 'ga',
    price: '10.00',
    rows: [1, 2, 3, 4, 5].map((row) => ({ row, seats: 12 })),
  },
];

/** The demo concerts' prices, in NPR, as Kathmandu and Pokhara concerts charge. */
const NPR_PRICES: Record<string, string> = { vip: '5000.00', front: '3500.00', ga: '1500.00' };
const SEEDED_TIERS = DEMO_TIERS.map((tier) => ({ ...tier, price: NPR_PRICES[tier.section] ?? tier.price }));

function daysFrom(clock: Clock, days: number): string {
  const date = new Date(`${clock.today()}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

function demoConcerts(clock: Clock): NewConcert[] {
  return [
    {
      title: 'Himalayan Echoes',
      artist: 'Sagarmatha Strings',
      date: daysFrom(clock, 21),
      time: '19:00:00',
      venue: 'Tundikhel Open Air Stage',
      city: 'Kathmandu',
      image: '/images/himalayan-echoes.svg',
      description: 'Folk songs from the hills, played with a full band under the evening sky.',
      currency: 'NPR',
      tiers: SEEDED_TIERS,
    },
    {
      title: 'Phewa Nights',
      artist: 'Maya Gurung Trio',
      date: daysFrom(clock, 35),
      time: '18:30:00',
      venue: 'Lakeside Amphitheatre',
      city: 'Pokhara',
      image: '/images/phewa-nights.svg',
      description: 'An acoustic evening of love songs by the lake.',
      currency: 'NPR',
      tiers: SEEDED_TIERS,
    },
    {
      title: 'Rock the Valley',
      artist: 'Valley Thunder',
      date: daysFrom(clock, 49),
      time: '20:00:00',
      venue: 'Dasharath Stadium',
      city: 'Lalitpur',
      image: '/images/rock-the-valley.svg',
      description: 'Three loud bands, one long night of Nepali rock.',
      currency: 'NPR',
      tiers: SEEDED_TIERS,
    },
  ];
}

async function concertCount(db: Db): Promise<number> {
  const [row] = await db.select({ value: count() }).from(concerts);
  return row?.value ?? 0;
}

async function insertDemoConcerts(db: Db, clock: Clock): Promise<number> {
  const list = demoConcerts(clock);
  for (const concert of list) await createConcert(db, concert);
  await db
    .insert(appState)
    .values({ key: SEEDED_KEY, value: clock.now().toISOString() })
    .onConflictDoUpdate({ target: appState.key, set: { value: clock.now().toISOString(), updatedAt: clock.now() } });
  return list.length;
}

/** First start only: seeds the demo concerts once, never again even if they are later removed. */
export async function seedOnFirstStart(db: Db, clock: Clock): Promise<number> {
  const [seeded] = await db.select().from(appState).where(eq(appState.key, SEEDED_KEY));
  if (seeded || (await concertCount(db)) > 0) return 0;
  return insertDemoConcerts(db, clock);
}

/** `npm run db:seed`: seeds the demo concerts into a database that has none. */
export async function reseedEmptyDatabase(db: Db, clock: Clock): Promise<number> {
  if ((await concertCount(db)) > 0) return 0;
  return insertDemoConcerts(db, clock);
}
