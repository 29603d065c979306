import { z } from 'zod';
import { sectionSchema } from '../tiers/tiers.schemas.js';

export const seatSchema = z
  .object({
    id: z.number().int(),
    concertId: z.uuid(),
    ticketTierId: z.number().int(),
    seatNumber: z.string().meta({ example: 'V-12' }),
    row: z.number().int(),
    section: sectionSchema,
    isBooked: z.boolean(),
  })
  .meta({ id: 'Seat' });
export type Seat = z.infer<typeof seatSchema>;

export const seatMapSchema = z
  .object({
    seats: z.array(seatSchema).meta({ description: 'Ordered by section (front, vip, ga), row and position in the row' }),
    totalSeats: z.number().int(),
    availableSeats: z.number().int(),
    bookedSeats: z.number().int(),
  })
  .meta({ id: 'SeatMap' });
export type SeatMap = z.infer<typeof seatMapSchema>;

export const concertIdParamSchema = z.object({ concertId: z.uuid({ error: 'must be a UUID' }) });
