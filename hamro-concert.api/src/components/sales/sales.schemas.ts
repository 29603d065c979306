import { z } from 'zod';
import { moneySchema } from '../../http/common.schemas.js';

const counts = {
  sold: z.number().int(),
  held: z.number().int(),
  free: z.number().int(),
  revenue: moneySchema,
};

export const salesReportSchema = z
  .object({
    concertId: z.uuid(),
    title: z.string(),
    tiers: z.array(
      z.object({
        ticketTierId: z.number().int(),
        name: z.string(),
        price: moneySchema,
        total: z.number().int(),
        ...counts,
      }),
    ),
    totals: z.object(counts),
    recentBookings: z.array(
      z.object({
        reference: z.string(),
        userName: z.string(),
        userEmail: z.string(),
        seatCount: z.number().int(),
        totalAmount: moneySchema,
        status: z.enum(['confirmed', 'cancelled']),
        createdAt: z.iso.datetime(),
      }),
    ),
  })
  .meta({ id: 'SalesReport' });
export type SalesReport = z.infer<typeof salesReportSchema>;
