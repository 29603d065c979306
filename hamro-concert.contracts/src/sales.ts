import { z } from 'zod';
import { EXAMPLE, moneySchema } from './common.js';

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
  .meta({
    id: 'SalesReport',
    example: {
      concertId: EXAMPLE.concertId,
      title: 'Himalayan Echoes',
      tiers: [
        {
          ticketTierId: EXAMPLE.tierId,
          name: 'VIP',
          price: '5000.00',
          total: 20,
          sold: 5,
          held: 1,
          free: 14,
          revenue: '25000.00',
        },
      ],
      totals: { sold: 5, held: 1, free: 14, revenue: '25000.00' },
      recentBookings: [
        {
          reference: EXAMPLE.reference,
          userName: 'Sita Sharma',
          userEmail: EXAMPLE.email,
          seatCount: 2,
          totalAmount: '10000.00',
          status: 'confirmed',
          createdAt: '2027-02-01T09:31:00.000Z',
        },
      ],
    },
  });
export type SalesReport = z.infer<typeof salesReportSchema>;
