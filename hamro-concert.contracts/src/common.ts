import { z } from 'zod';
import { formatCents, MAX_PRICE_CENTS, parseAmount } from './money.js';
import { PROBLEM_CODES } from './problem-codes.js';

/** The ids the examples in /openapi.json share, so that a booking's example is of the concert's example. */
export const EXAMPLE = {
  concertId: '7d4e2f10-3b8a-4c59-9e61-0a2b3c4d5e6f',
  bookingId: 'c2a9e4b1-5d3f-4a7e-8b6c-1f2e3d4c5b6a',
  tierId: 12,
  seatIds: [341, 342],
  reference: 'K7QM2XPA9RTD',
  holdToken: 'h3Vq9xL2mN8pR4tW6yZ1bC5d',
  ticketCode: '9f3b2c1d4e5f60718293a4b5c6d7e8f9',
  email: 'sita.sharma@example.com',
} as const;

/** A buyer's email as they type it: surrounding spaces are dropped; the limit per buyer keys on it lower-cased. */
export const emailSchema = z.string().trim().max(254).pipe(z.email('enter a valid email address'));

export const moneySchema = z
  .string()
  .regex(/^\d+\.\d{2}$/)
  .meta({ description: 'An amount in the currency of the concert, with two decimals', example: '100.00' });

/** A ticket price as an organizer sets it: an amount of at most MAX_PRICE_CENTS. */
export const priceSchema = moneySchema
  // zod runs this even when the format check failed: then that check says what is wrong.
  .refine((amount) => !/^\d+\.\d{2}$/.test(amount) || (amount.length <= 16 && parseAmount(amount) <= MAX_PRICE_CENTS), {
    message: `a price is at most ${formatCents(MAX_PRICE_CENTS)}`,
  })
  .meta({ description: `A ticket price, at most ${formatCents(MAX_PRICE_CENTS)}`, example: '1500.00' });

export const problemSchema = z
  .object({
    type: z.string(),
    title: z.string(),
    status: z.number().int(),
    detail: z.string(),
    // Published as the enum of every code this API answers; typed as a string for clients, which
    // must also expect codes added after they were built.
    code: z.string().meta({
      description: 'Stable machine-readable error code; clients branch on this, not on detail',
      enum: [...PROBLEM_CODES],
      example: 'seat-already-booked',
    }),
    instance: z.string(),
    requestId: z.string(),
    errors: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .catchall(z.unknown())
  .meta({
    id: 'Problem',
    description: 'An RFC 9457 problem document',
    example: {
      type: 'urn:hamro-concert:problem:seat-already-booked',
      title: 'Conflict',
      status: 409,
      detail: 'Someone else has already booked V-12.',
      code: 'seat-already-booked',
      instance: '/ticket-bookings/seats',
      requestId: '4b6f0c2e-9a7d-4e1f-8c3b-5d2a1e0f9c8b',
      seats: [{ id: 342, seatNumber: 'V-12' }],
    },
  });

export const paginationQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1).meta({ example: 1 }),
  limit: z.coerce.number().int().min(1).max(100).default(10).meta({ example: 10 }),
});
export type PaginationQuery = z.infer<typeof paginationQuerySchema>;

/** A page of `item`; its example is a page holding the item's own example. */
export function pageOf<T extends z.ZodType>(item: T, id: string) {
  const example = z.globalRegistry.get(item)?.example;
  return z
    .object({
      data: z.array(item),
      page: z.number().int(),
      limit: z.number().int(),
      total: z.number().int(),
      totalPages: z.number().int(),
    })
    .meta({
      id,
      example: { data: example === undefined ? [] : [example], page: 1, limit: 10, total: 1, totalPages: 1 },
    });
}

export interface Page<T> {
  data: T[];
  page: number;
  limit: number;
  total: number;
  totalPages: number;
}

export function toPage<T>(data: T[], total: number, { page, limit }: PaginationQuery): Page<T> {
  return { data, page, limit, total, totalPages: Math.ceil(total / limit) };
}

export const uuidParamSchema = z.object({
  id: z.uuid({ error: 'must be a UUID' }).meta({ example: EXAMPLE.concertId }),
});
export const intIdParamSchema = z.object({
  id: z.coerce.number().int().positive().max(2_147_483_647).meta({ example: EXAMPLE.tierId }),
});

/** A problem answer as clients read it. Its `code` is typed as a string: a newer API may send more. */
export type Problem = z.infer<typeof problemSchema>;
