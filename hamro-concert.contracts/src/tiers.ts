import { z } from 'zod';
import { EXAMPLE, moneySchema, pageOf, priceSchema } from './common.js';

const windowBound = (description: string) => z.iso.datetime({ offset: true }).nullable().meta({ description });
/** A tier's own sales window, shown where the tier is; null bounds follow the concert's window. */
const tierWindow = {
  salesOpenAt: windowBound("When this tier's sales begin, if not with the concert's (a presale)"),
  salesCloseAt: windowBound("When this tier's sales end, if not with the concert's"),
};
/** The same bounds as a change: an ISO instant with its offset, or null to follow the concert. */
const tierWindowInput = z.iso
  .datetime({ offset: true, error: 'must be an ISO date and time with an offset' })
  .nullable()
  .optional();

export const TICKET_TYPES = { vip: 1, front: 2, ga: 3 } as const;
export const sectionSchema = z.enum(['front', 'vip', 'ga']).meta({
  id: 'Section',
  description: 'front = Front Row, vip = VIP, ga = General Admission',
});
export type Section = z.infer<typeof sectionSchema>;

export const tierSummarySchema = z
  .object({
    id: z.number().int(),
    name: z.string(),
    price: moneySchema,
    total: z.number().int(),
    available: z.number().int().meta({ description: 'Seats that can be bought now' }),
    ...tierWindow,
  })
  .meta({
    id: 'TierSummary',
    example: {
      id: EXAMPLE.tierId,
      name: 'VIP',
      price: '5000.00',
      total: 20,
      available: 14,
      salesOpenAt: null,
      salesCloseAt: null,
    },
  });
export type TierSummary = z.infer<typeof tierSummarySchema>;

export const ticketTierSchema = z
  .object({
    id: z.number().int(),
    concertId: z.uuid(),
    ticketTypeId: z.number().int().meta({ description: '1 VIP, 2 Front Row, 3 General Admission' }),
    name: z.string(),
    price: moneySchema,
    total: z.number().int(),
    available: z.number().int(),
    ...tierWindow,
  })
  .meta({
    id: 'TicketTier',
    example: {
      id: EXAMPLE.tierId,
      concertId: EXAMPLE.concertId,
      ticketTypeId: 1,
      name: 'VIP',
      price: '5000.00',
      total: 20,
      available: 14,
      salesOpenAt: null,
      salesCloseAt: null,
    },
  });
export type TicketTier = z.infer<typeof ticketTierSchema>;

export const ticketTierPageSchema = pageOf(ticketTierSchema, 'TicketTierPage');

export const SECTION_OF_TICKET_TYPE: Record<number, Section> = { 1: 'vip', 2: 'front', 3: 'ga' };

export const newTierSchema = z
  .object({
    concertId: z.uuid({ error: 'must be a UUID' }),
    ticketTypeId: z.number().int().min(1).max(3).meta({ description: '1 VIP, 2 Front Row, 3 General Admission' }),
    name: z.string().trim().min(1).max(60),
    price: priceSchema,
    total: z
      .number()
      .int()
      .min(0)
      .max(100_000)
      .meta({ description: 'Seats to lay out, in rows after any existing ones' }),
    seatsPerRow: z.number().int().min(1).max(1000).optional(),
    salesOpenAt: tierWindowInput,
    salesCloseAt: tierWindowInput,
  })
  .meta({
    id: 'NewTicketTier',
    example: {
      concertId: EXAMPLE.concertId,
      ticketTypeId: 3,
      name: 'General Admission',
      price: '1500.00',
      total: 60,
      seatsPerRow: 12,
    },
  });
export type NewTier = z.infer<typeof newTierSchema>;

export const tierChangesSchema = z
  .object({
    id: z.number().int().positive().max(2_147_483_647),
    name: z.string().trim().min(1).max(60).optional(),
    price: priceSchema.optional().meta({ description: 'New price for future sales; sales already made keep theirs' }),
    total: z
      .number()
      .int()
      .min(0)
      .max(100_000)
      .optional()
      .meta({ description: 'Adds seats in new rows, or removes unused seats from the back; never below seats in use' }),
    salesOpenAt: tierWindowInput,
    salesCloseAt: tierWindowInput,
  })
  .strict()
  .refine((changes) => Object.keys(changes).length > 1, 'send at least one field to change')
  .meta({ id: 'TicketTierChanges', example: { id: EXAMPLE.tierId, price: '5500.00', total: 24 } });
export type TierChanges = z.infer<typeof tierChangesSchema>;
