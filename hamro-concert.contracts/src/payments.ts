import { z } from 'zod';
import { moneySchema } from './common.js';

/**
 * The ways a booking can be paid for. `door`: confirmed at once with its tickets, paid in cash at
 * the venue. `esewa` and `khalti`: the buyer pays online first; the booking awaits the payment.
 */
export const PAYMENT_METHODS = ['door', 'esewa', 'khalti'] as const;
export const paymentMethodSchema = z.enum(PAYMENT_METHODS);
export type PaymentMethod = z.infer<typeof paymentMethodSchema>;

/** The ways that take the buyer to a payment provider; offered only for concerts priced in NPR. */
export const ONLINE_PAYMENT_METHODS = ['esewa', 'khalti'] as const;
export const onlinePaymentMethodSchema = z.enum(ONLINE_PAYMENT_METHODS);
export type OnlinePaymentMethod = z.infer<typeof onlinePaymentMethodSchema>;
export const isOnlinePayment = (method: PaymentMethod | null | undefined): method is OnlinePaymentMethod =>
  method === 'esewa' || method === 'khalti';

/** The only currency Nepal's wallets take. */
export const ONLINE_PAYMENT_CURRENCY = 'NPR';

/**
 * Where a booking stands: `awaiting_payment` holds its seats until `payment.dueAt`; `confirmed` has
 * its tickets; `expired` released its seats unpaid; `cancelled` by the buyer or the organizer.
 */
export const BOOKING_STATUSES = ['awaiting_payment', 'confirmed', 'cancelled', 'expired'] as const;
export const bookingStatusSchema = z.enum(BOOKING_STATUSES);
export type BookingStatus = z.infer<typeof bookingStatusSchema>;

/**
 * Where a booking's money stands: `free` (nothing to pay), `awaiting` (online, not paid yet),
 * `paid` (online), `at_door` (to be paid in cash at the door), `cash_collected`, `unpaid` (expired
 * or cancelled before any money came), `refund_due` (money came for seats it no longer has, or it was
 * cancelled after paying), `refunded`.
 */
export const MONEY_STATES = [
  'free',
  'awaiting',
  'paid',
  'at_door',
  'cash_collected',
  'unpaid',
  'refund_due',
  'refunded',
] as const;
export const moneyStateSchema = z.enum(MONEY_STATES);
export type MoneyState = z.infer<typeof moneyStateSchema>;

/** One attempt to pay online: `awaiting` until the provider decides, then one of the others. */
export const PAYMENT_STATES = ['awaiting', 'completed', 'unpaid', 'mismatch'] as const;
export const paymentStateSchema = z.enum(PAYMENT_STATES);

export const refundSchema = z
  .object({
    state: z.enum(['due', 'done']),
    amount: moneySchema,
    by: z.enum(['provider', 'hand']).nullable().meta({ description: "Through the provider's API or by hand" }),
    at: z.iso.datetime().nullable(),
  })
  .meta({ id: 'Refund' });

export const paymentAttemptSchema = z
  .object({
    id: z.string().meta({
      description: "Our order id, as the provider knows it (Khalti's purchase_order_id, eSewa's transaction_uuid)",
    }),
    method: onlinePaymentMethodSchema,
    state: paymentStateSchema,
    amount: moneySchema,
    createdAt: z.iso.datetime(),
    completedAt: z.iso.datetime().nullable(),
    refund: refundSchema.nullable(),
  })
  .meta({ id: 'PaymentAttempt' });
export type PaymentAttempt = z.infer<typeof paymentAttemptSchema>;

/** How a booking is paid, as its answers show it. */
export const bookingPaymentSchema = z
  .object({
    method: paymentMethodSchema.nullable().meta({ description: 'null for a free booking' }),
    state: moneyStateSchema,
    dueAt: z.iso
      .datetime()
      .nullable()
      .meta({ description: 'While awaiting payment: the seats are held for this booking until then' }),
    testMode: z.boolean().meta({ description: 'Payments on this server are tests: they move no money' }),
    attempts: z.array(paymentAttemptSchema),
  })
  .meta({ id: 'BookingPayment' });
export type BookingPayment = z.infer<typeof bookingPaymentSchema>;

/** Where to send the buyer: Khalti by a redirect, eSewa by a form the browser posts; the door: nowhere, it is booked. */
export const paymentStartSchema = z
  .object({
    id: z.string().meta({ description: "The attempt's order id; for the door, the booking's reference" }),
    method: paymentMethodSchema,
    amount: moneySchema,
    testMode: z.boolean(),
    redirectUrl: z.string().nullable().meta({ description: 'Khalti: send the buyer here' }),
    form: z
      .object({ action: z.string(), fields: z.record(z.string(), z.string()) })
      .nullable()
      .meta({ description: "eSewa: post these fields from the buyer's browser to `action`" }),
  })
  .meta({
    id: 'PaymentStart',
    example: {
      id: 'K7QM2XPA9RTD-3f9a1c2b',
      method: 'khalti',
      amount: '3500.00',
      testMode: true,
      redirectUrl: 'https://test-pay.khalti.com/?pidx=HT6o6PEZRWFJ5ygavzHWd5',
      form: null,
    },
  });
export type PaymentStart = z.infer<typeof paymentStartSchema>;

/** What this server offers: the ways configured here, and whether payments are tests. */
export const paymentOptionsSchema = z
  .object({ testMode: z.boolean(), methods: z.array(paymentMethodSchema) })
  .meta({ id: 'PaymentOptions', example: { testMode: true, methods: ['door', 'esewa'] } });
export type PaymentOptions = z.infer<typeof paymentOptionsSchema>;

/** The result a return from a provider lands on, in the web app's payment page URL. */
export const PAYMENT_RESULTS = ['paid', 'confirming', 'cancelled', 'failed'] as const;
export type PaymentResult = (typeof PAYMENT_RESULTS)[number];

/**
 * The ways a buyer may pay for a concert: what its organizer chose, less what the server does not take,
 * and without the online ways unless it is priced in NPR.
 */
export function offeredPaymentMethods(
  concert: { paymentMethods: readonly PaymentMethod[]; currency: string },
  serverMethods: readonly PaymentMethod[],
): PaymentMethod[] {
  return PAYMENT_METHODS.filter(
    (method) =>
      concert.paymentMethods.includes(method) &&
      serverMethods.includes(method) &&
      (!isOnlinePayment(method) || concert.currency === ONLINE_PAYMENT_CURRENCY),
  );
}

/** The door's record of cash taken for a booking paid there. */
export const cashCollectedSchema = z
  .object({ reference: z.string(), amount: moneySchema, collectedAt: z.iso.datetime() })
  .meta({
    id: 'CashCollected',
    example: { reference: 'K7QM2XPA9RTD', amount: '3500.00', collectedAt: '2027-03-20T12:55:00.000Z' },
  });
