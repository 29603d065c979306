import { z } from 'zod';
import { formatCents, MAX_PRICE_CENTS, parseAmount } from '../lib/money.js';
import { PROBLEM_CODES } from './problem-codes.js';

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
  .meta({ id: 'Problem', description: 'An RFC 9457 problem document' });

export const paginationQuerySchema = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  limit: z.coerce.number().int().min(1).max(100).default(10),
});
export type PaginationQuery = z.infer<typeof paginationQuerySchema>;

export function pageOf<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({
      data: z.array(item),
      page: z.number().int(),
      limit: z.number().int(),
      total: z.number().int(),
      totalPages: z.number().int(),
    })
    .meta({ id });
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

export const uuidParamSchema = z.object({ id: z.uuid({ error: 'must be a UUID' }) });
export const intIdParamSchema = z.object({ id: z.coerce.number().int().positive().max(2_147_483_647) });
