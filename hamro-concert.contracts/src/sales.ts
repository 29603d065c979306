import { z } from 'zod';
import { EXAMPLE, moneySchema } from './common.js';
import { bookingStatusSchema, moneyStateSchema, paymentMethodSchema } from './payments.js';

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
    money: z
      .object({
        paidOnline: moneySchema,
        unpaidAtDoor: moneySchema,
        cashCollected: moneySchema,
        free: z.number().int().meta({ description: 'Free bookings' }),
        awaitingPayment: moneySchema.meta({ description: 'Bookings holding seats while their buyers pay' }),
        refundsDone: moneySchema,
        refundsDue: moneySchema,
        mismatches: z.number().int().meta({ description: 'Payments the provider confirmed for another amount' }),
      })
      .meta({ description: 'Where the money of the confirmed bookings stands, and the refunds' }),
    recentBookings: z.array(
      z.object({
        reference: z.string(),
        userName: z.string(),
        userEmail: z.string(),
        seatCount: z.number().int(),
        totalAmount: moneySchema,
        status: bookingStatusSchema,
        paymentMethod: paymentMethodSchema.nullable(),
        paymentState: moneyStateSchema,
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
      money: {
        paidOnline: '15000.00',
        unpaidAtDoor: '10000.00',
        cashCollected: '0.00',
        free: 0,
        awaitingPayment: '0.00',
        refundsDone: '0.00',
        refundsDue: '0.00',
        mismatches: 0,
      },
      recentBookings: [
        {
          reference: EXAMPLE.reference,
          userName: 'Sita Sharma',
          userEmail: EXAMPLE.email,
          seatCount: 2,
          totalAmount: '10000.00',
          status: 'confirmed',
          paymentMethod: 'door',
          paymentState: 'at_door',
          createdAt: '2027-02-01T09:31:00.000Z',
        },
      ],
    },
  });
export type SalesReport = z.infer<typeof salesReportSchema>;

/** A payment whose money is to be returned by hand (eSewa has no refund API), or whose API refund has not gone through yet. */
export const refundDueSchema = z
  .object({
    paymentId: z.string(),
    method: z.enum(['esewa', 'khalti']),
    amount: moneySchema,
    transactionId: z.string().nullable(),
    bookingReference: z.string(),
    userName: z.string(),
    userEmail: z.string(),
    reason: z.enum(['cancelled', 'late', 'paid-twice', 'mismatch']),
    since: z.iso.datetime(),
  })
  .meta({
    id: 'RefundDue',
    example: {
      paymentId: 'K7QM2XPA9RTD-3f9a1c2b',
      method: 'esewa',
      amount: '3500.00',
      transactionId: '0007G36',
      bookingReference: 'K7QM2XPA9RTD',
      userName: 'Sita Sharma',
      userEmail: EXAMPLE.email,
      reason: 'cancelled',
      since: '2027-02-01T09:31:00.000Z',
    },
  });
export type RefundDue = z.infer<typeof refundDueSchema>;
