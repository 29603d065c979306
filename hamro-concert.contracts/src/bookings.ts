import { z } from 'zod';
import { LANGUAGES, type Language } from './calendar.js';
import { EXAMPLE, emailSchema, moneySchema } from './common.js';
import { REFERENCE_ALPHABET } from './reference-format.js';
import { MAX_SEATS_PER_BOOKING, seatIdsSchema } from './seats.js';
import { sectionSchema } from './tiers.js';
import { bookingPaymentSchema, bookingStatusSchema, paymentMethodSchema, paymentStartSchema } from './payments.js';

const exampleBuyer = { userName: 'Sita Sharma', userEmail: EXAMPLE.email };
const exampleTicketData = {
  concertId: EXAMPLE.concertId,
  ticketTierId: EXAMPLE.tierId,
  quantity: 2,
  pricePerTicket: '5000.00',
  totalAmount: '10000.00',
  status: 'confirmed' as const,
  createdAt: '2027-02-01T09:31:00.000Z',
  seatNumbers: ['V-11', 'V-12'],
};
const examplePayment = {
  method: 'door' as const,
  state: 'at_door' as const,
  dueAt: null,
  testMode: true,
  attempts: [],
};
const exampleTickets = [
  { seatId: EXAMPLE.seatIds[0], seatNumber: 'V-11', code: EXAMPLE.ticketCode },
  { seatId: EXAMPLE.seatIds[1], seatNumber: 'V-12', code: '0a1b2c3d4e5f60718293a4b5c6d7e8f0' },
];

/** The languages the product speaks: English and Nepali. */
export const languageSchema = z.enum(LANGUAGES).meta({ id: 'Language', example: 'ne' });
export type BookingLanguage = Language;

const bookingLanguage = languageSchema.optional().meta({
  description:
    "The buyer's language, for the emails about the booking (the tickets, a cancellation, a refund). Without it, " +
    'Nepali if the Accept-Language header prefers it to English, else English.',
});

export const bookSeatsBodySchema = z
  .object({
    userName: z
      .string()
      .trim()
      .min(1, 'enter a name')
      .max(100)
      // The control characters (Unicode category Cc) spelled without the u flag: OpenAPI publishes a
      // pattern without flags, and any client's regex engine reads this one the same way.
      // eslint-disable-next-line no-control-regex -- naming the control characters is the point
      .regex(/^[^\x00-\x1f\x7f-\x9f]*$/, 'must not contain control characters'),
    userEmail: emailSchema,
    seatIds: seatIdsSchema,
    holdToken: z
      .string()
      .regex(/^[\w-]{16,64}$/, 'not a hold token')
      .optional()
      .meta({ description: 'Confirms exactly the seats of this hold (from POST /holds)' }),
    payment: paymentMethodSchema.optional().meta({
      description:
        'How the buyer pays: `door` (the default where the concert offers it) confirms at once; `esewa` or `khalti` ' +
        'makes a booking that awaits payment (POST /bookings/{reference}/payments) and holds its seats until then. ' +
        'A free booking needs none.',
    }),
    language: bookingLanguage,
  })
  .meta({ id: 'BookSeatsRequest', example: { ...exampleBuyer, seatIds: [...EXAMPLE.seatIds] } });
export type BookSeatsBody = z.infer<typeof bookSeatsBodySchema>;

export const ticketDataSchema = z
  .object({
    concertId: z.uuid(),
    ticketTierId: z.number().int(),
    quantity: z.number().int(),
    pricePerTicket: moneySchema,
    totalAmount: moneySchema,
    status: z.enum(['confirmed', 'cancelled', 'awaiting_payment']),
    createdAt: z.iso.datetime(),
    seatNumbers: z.array(z.string()),
  })
  .meta({
    id: 'TicketData',
    description: 'The sale record of one tier of a booking',
    example: exampleTicketData,
  });

export const bestAvailableBookingBodySchema = z
  .object({
    concertId: z.uuid({ error: 'must be a UUID' }),
    ticketTierId: z.number().int().positive().max(2_147_483_647),
    quantity: z.number().int().min(1).max(MAX_SEATS_PER_BOOKING),
    userName: bookSeatsBodySchema.shape.userName,
    userEmail: bookSeatsBodySchema.shape.userEmail,
    payment: bookSeatsBodySchema.shape.payment,
    language: bookingLanguage,
  })
  .meta({
    id: 'BestAvailableBookingRequest',
    example: { concertId: EXAMPLE.concertId, ticketTierId: EXAMPLE.tierId, quantity: 2, ...exampleBuyer },
  });
export type BestAvailableBookingBody = z.infer<typeof bestAvailableBookingBodySchema>;

export const ticketSchema = z
  .object({
    seatId: z.number().int(),
    seatNumber: z.string(),
    code: z.string().meta({ description: 'Unguessable ticket code, scanned at the door (POST /check-in)' }),
  })
  .meta({ id: 'Ticket', example: exampleTickets[0] });

export const bookingSchema = z
  .object({
    id: z.uuid(),
    reference: z.string().meta({ description: 'Unguessable booking reference', example: 'K7QM2XPA9RTD' }),
    status: bookingStatusSchema,
    userName: z.string(),
    userEmail: z.string(),
    seatIds: z.array(z.number().int()),
    totalAmount: moneySchema,
    ticketData: z.array(ticketDataSchema),
    tickets: z.array(ticketSchema).meta({ description: 'Empty until the booking is paid (or to be paid at the door)' }),
    payment: bookingPaymentSchema,
    paymentStart: paymentStartSchema
      .nullable()
      .optional()
      .meta({
        description:
          'Booked to pay with Khalti or eSewa: the attempt is started already, and this says where to send the buyer ' +
          '(as POST /bookings/{reference}/payments would). null if the provider did not answer: start one that way.',
      }),
    holdOutcome: z.enum(['confirmed-hold', 'hold-expired-seats-still-free']).optional().meta({
      description: 'With a holdToken: whether the hold was still active, or had expired but its seats were still free',
    }),
  })
  .meta({
    id: 'Booking',
    example: {
      id: EXAMPLE.bookingId,
      reference: EXAMPLE.reference,
      status: 'confirmed',
      ...exampleBuyer,
      seatIds: [...EXAMPLE.seatIds],
      totalAmount: '10000.00',
      ticketData: [exampleTicketData],
      tickets: exampleTickets,
      payment: examplePayment,
    },
  });
export type Booking = z.infer<typeof bookingSchema>;

/** A reference as people type it: any case, with spaces or dashes; normalised to the stored form. */
export const bookingReferenceSchema = z
  .string()
  .transform((value) => value.replace(/[\s-]/g, '').toUpperCase())
  .pipe(
    z
      .string()
      .min(10, 'a booking reference has at least 10 characters')
      .max(32)
      .regex(new RegExp(`^[${REFERENCE_ALPHABET}]+$`), 'not a booking reference'),
  );

export const bookingReferenceParamSchema = z.object({
  reference: bookingReferenceSchema.meta({ example: EXAMPLE.reference }),
});
export const bookingEmailSchema = z
  .string()
  .trim()
  .max(254)
  .pipe(z.email('enter the email used for the booking'))
  .meta({ example: EXAMPLE.email });
export const findBookingQuerySchema = z.object({ email: bookingEmailSchema });
export const cancelBookingBodySchema = z
  .object({ email: bookingEmailSchema })
  .meta({ id: 'CancelBookingRequest', example: { email: EXAMPLE.email } });

export const bookingDetailsSchema = z
  .object({
    reference: z.string(),
    status: bookingStatusSchema,
    createdAt: z.iso.datetime(),
    cancelledAt: z.iso.datetime().nullable(),
    userName: z.string(),
    userEmail: z.string(),
    totalAmount: moneySchema,
    concert: z.object({
      id: z.uuid(),
      title: z.string(),
      artist: z.string(),
      date: z.iso.date(),
      time: z.iso.time({ precision: 0 }),
      venue: z.string(),
      city: z.string(),
      image: z.string(),
      timeZone: z.string(),
      currency: z.string().meta({ description: 'ISO 4217 code of the prices', example: 'NPR' }),
    }),
    seats: z.array(
      z.object({
        id: z.number().int(),
        seatNumber: z.string(),
        section: sectionSchema,
        row: z.number().int(),
        ticketTierId: z.number().int(),
        tierName: z.string(),
        price: moneySchema,
      }),
    ),
    tickets: z.array(ticketSchema.extend({ checkedInAt: z.iso.datetime().nullable() })),
    canCancel: z.boolean().meta({ description: 'Confirmed and the concert has not started yet' }),
    payment: bookingPaymentSchema,
  })
  .meta({
    id: 'BookingDetails',
    example: {
      reference: EXAMPLE.reference,
      status: 'confirmed',
      createdAt: '2027-02-01T09:31:00.000Z',
      cancelledAt: null,
      ...exampleBuyer,
      totalAmount: '10000.00',
      concert: {
        id: EXAMPLE.concertId,
        title: 'Himalayan Echoes',
        artist: 'Sagarmatha Strings',
        date: '2027-03-20',
        time: '19:00:00',
        venue: 'Tundikhel Open Air Stage',
        city: 'Kathmandu',
        image: '/images/himalayan-echoes.svg',
        timeZone: 'Asia/Kathmandu',
        currency: 'NPR',
      },
      seats: [
        {
          id: EXAMPLE.seatIds[0],
          seatNumber: 'V-11',
          section: 'vip',
          row: 2,
          ticketTierId: EXAMPLE.tierId,
          tierName: 'VIP',
          price: '5000.00',
        },
      ],
      tickets: [{ ...exampleTickets[0], checkedInAt: null }],
      canCancel: true,
      payment: examplePayment,
    },
  });
export type BookingDetails = z.infer<typeof bookingDetailsSchema>;

export const startPaymentBodySchema = z
  .object({
    email: bookingEmailSchema,
    method: paymentMethodSchema.meta({
      description: '`khalti` or `esewa`: a new attempt online; `door`: stop paying online and pay in cash at the door',
    }),
  })
  .meta({ id: 'StartPaymentRequest', example: { email: EXAMPLE.email, method: 'khalti' } });
export type StartPaymentBody = z.infer<typeof startPaymentBodySchema>;
