import { z } from 'zod';
import { moneySchema } from '../../http/common.schemas.js';

export const MAX_SEATS_PER_BOOKING = 10;

export const bookSeatsBodySchema = z
  .object({
    userName: z
      .string()
      .trim()
      .min(1, 'enter a name')
      .max(100)
      .regex(/^[^\p{Cc}]*$/u, 'must not contain control characters'),
    userEmail: z.string().trim().max(254).pipe(z.email('enter a valid email address')),
    seatIds: z
      .array(z.number().int().positive().max(2_147_483_647))
      .min(1, 'choose at least one seat')
      .max(MAX_SEATS_PER_BOOKING, `at most ${MAX_SEATS_PER_BOOKING} seats per booking`)
      .refine((ids) => new Set(ids).size === ids.length, 'each seat may appear once'),
  })
  .meta({ id: 'BookSeatsRequest' });
export type BookSeatsBody = z.infer<typeof bookSeatsBodySchema>;

export const ticketDataSchema = z
  .object({
    concertId: z.uuid(),
    ticketTierId: z.number().int(),
    quantity: z.number().int(),
    pricePerTicket: moneySchema,
    totalAmount: moneySchema,
    status: z.enum(['confirmed', 'cancelled']),
    createdAt: z.iso.datetime(),
    seatNumbers: z.array(z.string()),
  })
  .meta({ id: 'TicketData', description: 'The sale record of one tier of a booking' });

export const bookingSchema = z
  .object({
    id: z.uuid(),
    reference: z.string().meta({ description: 'Unguessable booking reference', example: 'K7QM2XPA9RTD' }),
    userName: z.string(),
    userEmail: z.string(),
    seatIds: z.array(z.number().int()),
    totalAmount: moneySchema,
    ticketData: z.array(ticketDataSchema),
  })
  .meta({ id: 'Booking' });
export type Booking = z.infer<typeof bookingSchema>;
