import { z } from 'zod';
import { moneySchema, pageOf } from '../../http/common.schemas.js';

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
  })
  .meta({ id: 'TierSummary' });
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
  })
  .meta({ id: 'TicketTier' });
export type TicketTier = z.infer<typeof ticketTierSchema>;

export const ticketTierPageSchema = pageOf(ticketTierSchema, 'TicketTierPage');
