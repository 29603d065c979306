import { z } from 'zod';
import { MAX_SEATS_PER_BOOKING } from '../bookings/bookings.schemas.js';

export const seatIdsSchema = z
  .array(z.number().int().positive().max(2_147_483_647))
  .min(1, 'choose at least one seat')
  .max(MAX_SEATS_PER_BOOKING, `at most ${MAX_SEATS_PER_BOOKING} seats at a time`)
  .refine((ids) => new Set(ids).size === ids.length, 'each seat may appear once');

export const createHoldBodySchema = z
  .object({ concertId: z.uuid({ error: 'must be a UUID' }), seatIds: seatIdsSchema })
  .meta({ id: 'CreateHoldRequest' });
export type CreateHoldBody = z.infer<typeof createHoldBodySchema>;

export const holdStatusSchema = z.enum(['active', 'expired', 'released', 'confirmed']).meta({ id: 'HoldStatus' });

export const holdSchema = z
  .object({
    holdToken: z.string().meta({ description: 'Proof of the hold; send it with the booking to confirm these seats' }),
    concertId: z.uuid(),
    seatIds: z.array(z.number().int()),
    expiresAt: z.iso.datetime(),
    status: holdStatusSchema,
  })
  .meta({ id: 'Hold' });
export type Hold = z.infer<typeof holdSchema>;

export const holdTokenParamSchema = z.object({
  holdToken: z.string().regex(/^[\w-]{16,64}$/, 'not a hold token'),
});

export const bestAvailableHoldBodySchema = z
  .object({
    concertId: z.uuid({ error: 'must be a UUID' }),
    ticketTierId: z.number().int().positive().max(2_147_483_647),
    quantity: z.number().int().min(1).max(MAX_SEATS_PER_BOOKING),
  })
  .meta({ id: 'BestAvailableHoldRequest' });
export type BestAvailableHoldBody = z.infer<typeof bestAvailableHoldBodySchema>;
