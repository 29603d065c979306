import { z } from 'zod';
import { sectionSchema } from '../tiers/tiers.schemas.js';

export const checkInBodySchema = z
  .object({
    code: z
      .string()
      .trim()
      .toLowerCase()
      .regex(/^[0-9a-f]{32}$/, 'not a ticket code'),
    concertId: z.uuid({ error: 'must be the UUID of the concert being admitted' }).meta({
      description: 'The concert this door admits: a ticket of another concert is refused and stays unused',
    }),
  })
  .meta({ id: 'CheckInRequest' });

export const admissionSchema = z
  .object({
    status: z.literal('admitted'),
    seatNumber: z.string(),
    section: sectionSchema,
    row: z.number().int(),
    userName: z.string(),
    concertTitle: z.string(),
    checkedInAt: z.iso.datetime(),
  })
  .meta({ id: 'Admission' });
export type Admission = z.infer<typeof admissionSchema>;
