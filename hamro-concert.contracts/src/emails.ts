import { z } from 'zod';

/** One email owed to a booking's buyer: what it tells, and whether it has gone. */
export const sentEmailSchema = z
  .object({
    kind: z.enum(['tickets', 'cancelled', 'refunded']),
    createdAt: z.iso.datetime(),
    sentAt: z.iso.datetime().nullable().meta({ description: 'null while it waits to be sent (or retried)' }),
    attempts: z.number().int(),
    lastError: z.string().nullable().meta({ description: 'Why the last attempt failed, until one succeeds' }),
  })
  .meta({
    id: 'BookingEmail',
    example: {
      kind: 'tickets',
      createdAt: '2027-02-01T09:31:00.000Z',
      sentAt: '2027-02-01T09:31:01.000Z',
      attempts: 1,
      lastError: null,
    },
  });
export type SentEmail = z.infer<typeof sentEmailSchema>;
