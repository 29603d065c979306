import { z } from 'zod';
import { EXAMPLE, emailSchema } from './common.js';
import { MAX_SEATS_PER_BOOKING, seatIdsSchema } from './seats.js';

/** Optional on a hold: with it, the hold's seats count toward the buyer's limit (MAX_TICKETS_PER_BUYER). */
const holdBuyerEmailSchema = emailSchema.optional().meta({
  description: "The buyer's email, if known: the held seats then count toward their limit for the concert",
});

export const createHoldBodySchema = z
  .object({ concertId: z.uuid({ error: 'must be a UUID' }), seatIds: seatIdsSchema, userEmail: holdBuyerEmailSchema })
  .meta({ id: 'CreateHoldRequest', example: { concertId: EXAMPLE.concertId, seatIds: [...EXAMPLE.seatIds] } });
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
  .meta({
    id: 'Hold',
    example: {
      holdToken: EXAMPLE.holdToken,
      concertId: EXAMPLE.concertId,
      seatIds: [...EXAMPLE.seatIds],
      expiresAt: '2027-02-01T09:40:00.000Z',
      status: 'active',
    },
  });
export type Hold = z.infer<typeof holdSchema>;

export const holdTokenParamSchema = z.object({
  holdToken: z
    .string()
    .regex(/^[\w-]{16,64}$/, 'not a hold token')
    .meta({ example: EXAMPLE.holdToken }),
});

export const bestAvailableHoldBodySchema = z
  .object({
    concertId: z.uuid({ error: 'must be a UUID' }),
    ticketTierId: z.number().int().positive().max(2_147_483_647),
    quantity: z.number().int().min(1).max(MAX_SEATS_PER_BOOKING),
    userEmail: holdBuyerEmailSchema,
  })
  .meta({
    id: 'BestAvailableHoldRequest',
    example: { concertId: EXAMPLE.concertId, ticketTierId: EXAMPLE.tierId, quantity: 2 },
  });
export type BestAvailableHoldBody = z.infer<typeof bestAvailableHoldBodySchema>;

export const holdBuyerBodySchema = z
  .object({ userEmail: emailSchema })
  .meta({ id: 'HoldBuyerRequest', example: { userEmail: EXAMPLE.email } });
