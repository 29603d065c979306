import { z } from 'zod';
import { EXAMPLE, pageOf, priceSchema } from './common.js';
import { isCurrency } from './currency.js';
import { isTimeZone } from './time-zone.js';
import { sectionSchema, tierSummarySchema } from './tiers.js';
import { paymentMethodSchema } from './payments.js';

const exampleDetails = {
  title: 'Himalayan Echoes',
  artist: 'Sagarmatha Strings',
  date: '2027-03-20',
  time: '19:00:00',
  timeZone: 'Asia/Kathmandu',
  currency: 'NPR',
  venue: 'Tundikhel Open Air Stage',
  city: 'Kathmandu',
  image: '/images/himalayan-echoes.svg',
  description: 'Folk songs from the hills, played with a full band under the evening sky.',
};

export const concertSchema = z
  .object({
    id: z.uuid(),
    title: z.string(),
    artist: z.string(),
    date: z.iso.date().meta({ example: '2026-03-15' }),
    time: z.iso.time({ precision: 0 }).meta({ example: '19:00:00' }),
    timeZone: z.string().meta({
      description: "The venue's IANA time zone; `date` and `time` are its wall clock",
      example: 'Asia/Kathmandu',
    }),
    startsAt: z.iso
      .datetime({ offset: true })
      .meta({ description: 'The start as an instant', example: '2026-03-15T13:15:00.000Z' }),
    currency: z.string().meta({ description: 'ISO 4217 code of the currency its prices are in', example: 'NPR' }),
    salesOpenAt: z.iso
      .datetime({ offset: true })
      .nullable()
      .meta({ description: 'When sales begin; null: they are open from the start' }),
    salesCloseAt: z.iso
      .datetime({ offset: true })
      .nullable()
      .meta({ description: 'When sales end, if before the start; null: at the start' }),
    venue: z.string(),
    city: z.string(),
    image: z.string(),
    description: z.string(),
    paymentMethods: z.array(paymentMethodSchema).meta({
      description: 'The ways a buyer can pay for this concert on this server now (online ones only for NPR)',
    }),
    paymentMethodsChosen: z.array(paymentMethodSchema).meta({
      description:
        'The ways its organizer chose; `paymentMethods` leaves out those this server cannot take now (Khalti without a key)',
    }),
    tiers: z.array(tierSummarySchema),
  })
  .meta({
    id: 'Concert',
    example: {
      id: EXAMPLE.concertId,
      ...exampleDetails,
      startsAt: '2027-03-20T13:15:00.000Z',
      salesOpenAt: '2027-02-01T04:15:00.000Z',
      salesCloseAt: null,
      paymentMethods: ['door', 'esewa', 'khalti'],
      paymentMethodsChosen: ['door', 'esewa', 'khalti'],
      tiers: [
        {
          id: EXAMPLE.tierId,
          name: 'VIP',
          price: '5000.00',
          total: 20,
          available: 14,
          salesOpenAt: null,
          salesCloseAt: null,
        },
      ],
    },
  });
export type Concert = z.infer<typeof concertSchema>;

export const concertPageSchema = pageOf(concertSchema, 'ConcertPage');

const text = (max: number) => z.string().trim().min(1).max(max);

/** A venue layout: each tier is a section with a price and rows of seats, numbered along each row. */
export const layoutTierSchema = z
  .object({
    name: text(60),
    section: sectionSchema,
    price: priceSchema,
    rows: z
      .array(z.object({ row: z.number().int().min(1).max(1000), seats: z.number().int().min(1).max(1000) }))
      .min(1)
      .max(1000)
      .refine((rows) => new Set(rows.map((r) => r.row)).size === rows.length, 'each row number may appear once'),
  })
  .meta({
    id: 'LayoutTier',
    example: {
      name: 'VIP',
      section: 'vip',
      price: '5000.00',
      rows: [
        { row: 1, seats: 10 },
        { row: 2, seats: 10 },
      ],
    },
  });

/** An instant of a sales window; the web app sends the venue's wall clock with the venue's offset. */
export const salesInstant = z.iso
  .datetime({ offset: true, error: 'must be an ISO date and time with an offset' })
  .nullable();

const concertDetails = {
  title: text(200),
  artist: text(200),
  date: z.iso.date(),
  time: z.iso.time({ precision: 0 }),
  timeZone: z.string().trim().refine(isTimeZone, 'must be an IANA time zone name, such as Asia/Kathmandu'),
  salesOpenAt: salesInstant,
  salesCloseAt: salesInstant,
  currency: z.string().trim().refine(isCurrency, 'must be an ISO 4217 currency code, such as NPR'),
  venue: text(200),
  city: text(120),
  image: z.string().trim().max(2000),
  description: z.string().trim().max(5000),
  paymentMethods: z
    .array(paymentMethodSchema)
    .min(1, 'offer at least one way to pay')
    .refine((methods) => new Set(methods).size === methods.length, 'name each way to pay once')
    .meta({ description: 'The ways buyers may pay; Khalti and eSewa only for NPR. Default: all three' }),
};

export const MAX_SEATS_PER_CONCERT = 100_000;

export const newConcertSchema = z
  .object({
    ...concertDetails,
    image: concertDetails.image.default(''),
    description: concertDetails.description.default(''),
    timeZone: concertDetails.timeZone.optional().meta({ description: 'Default: VENUE_TIME_ZONE (Asia/Kathmandu)' }),
    salesOpenAt: concertDetails.salesOpenAt.default(null),
    salesCloseAt: concertDetails.salesCloseAt.default(null),
    currency: concertDetails.currency.optional().meta({ description: 'Default: CURRENCY (NPR)' }),
    paymentMethods: concertDetails.paymentMethods.optional(),
    tiers: z
      .array(layoutTierSchema)
      .max(3)
      .default([])
      .refine((tiers) => new Set(tiers.map((t) => t.section)).size === tiers.length, 'each section may have one tier')
      .refine(
        (tiers) => tiers.flatMap((t) => t.rows).reduce((sum, r) => sum + r.seats, 0) <= MAX_SEATS_PER_CONCERT,
        `a venue has at most ${MAX_SEATS_PER_CONCERT} seats`,
      ),
  })
  .refine(
    (concert) =>
      !concert.currency ||
      concert.currency === 'NPR' ||
      !concert.paymentMethods?.some((method) => method === 'esewa' || method === 'khalti'),
    { path: ['paymentMethods'], message: 'Khalti and eSewa take NPR only' },
  )
  .meta({
    id: 'NewConcert',
    example: {
      ...exampleDetails,
      tiers: [{ name: 'General Admission', section: 'ga', price: '1500.00', rows: [{ row: 1, seats: 12 }] }],
    },
  });

export const concertChangesSchema = z
  .object(concertDetails)
  .partial()
  .strict()
  .refine((changes) => Object.keys(changes).length > 0, 'send at least one field to change')
  .meta({
    id: 'ConcertChanges',
    example: { venue: 'Dasharath Stadium', city: 'Lalitpur', salesCloseAt: '2027-03-20T12:00:00+05:45' },
  });
export type ConcertChanges = z.infer<typeof concertChangesSchema>;

export const concertChangesWithIdSchema = z
  .object({ id: z.uuid({ error: 'must be a UUID' }), ...concertDetails })
  .partial({
    title: true,
    artist: true,
    date: true,
    time: true,
    timeZone: true,
    salesOpenAt: true,
    salesCloseAt: true,
    currency: true,
    venue: true,
    city: true,
    image: true,
    description: true,
    paymentMethods: true,
  })
  .strict()
  .meta({ id: 'ConcertChangesWithId', example: { id: EXAMPLE.concertId, title: 'Himalayan Echoes: second night' } });
export type NewConcert = z.input<typeof newConcertSchema>;
