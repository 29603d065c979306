import { z } from 'zod';
import { EXAMPLE, moneySchema } from './common.js';
import { sectionSchema } from './tiers.js';

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
  .meta({ id: 'CheckInRequest', example: { code: EXAMPLE.ticketCode, concertId: EXAMPLE.concertId } });

export const admissionSchema = z
  .object({
    status: z.literal('admitted'),
    seatNumber: z.string(),
    section: sectionSchema,
    row: z.number().int(),
    userName: z.string(),
    concertTitle: z.string(),
    checkedInAt: z.iso.datetime(),
    collect: z
      .object({ amount: moneySchema, currency: z.string(), bookingReference: z.string() })
      .nullable()
      .meta({ description: 'The booking is to be paid at the door: collect this in cash, then record it' }),
  })
  .meta({
    id: 'Admission',
    example: {
      status: 'admitted',
      seatNumber: 'V-11',
      section: 'vip',
      row: 2,
      userName: 'Sita Sharma',
      concertTitle: 'Himalayan Echoes',
      checkedInAt: '2027-03-20T12:55:00.000Z',
      collect: { amount: '3500.00', currency: 'NPR', bookingReference: EXAMPLE.reference },
    },
  });
export type Admission = z.infer<typeof admissionSchema>;
