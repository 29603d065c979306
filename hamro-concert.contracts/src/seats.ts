import { z } from 'zod';
import { EXAMPLE } from './common.js';
import { sectionSchema } from './tiers.js';

/** The most seats one booking or one hold may take. */
export const MAX_SEATS_PER_BOOKING = 10;

/** The seats a booking or hold asks for: each once, 1 to MAX_SEATS_PER_BOOKING of them. */
export const seatIdsSchema = z
  .array(z.number().int().positive().max(2_147_483_647))
  .min(1, 'choose at least one seat')
  .max(MAX_SEATS_PER_BOOKING, `at most ${MAX_SEATS_PER_BOOKING} seats at a time`)
  .refine((ids) => new Set(ids).size === ids.length, 'each seat may appear once');

const exampleSeat = {
  id: EXAMPLE.seatIds[0],
  concertId: EXAMPLE.concertId,
  ticketTierId: EXAMPLE.tierId,
  seatNumber: 'V-11',
  row: 2,
  section: 'vip',
  isBooked: false,
  status: 'available',
};

export const seatStatusSchema = z.enum(['available', 'held', 'booked']).meta({
  id: 'SeatStatus',
  description: 'held: set aside for a buyer who is checking out, until the hold expires',
});
export type SeatStatus = z.infer<typeof seatStatusSchema>;

export const seatSchema = z
  .object({
    id: z.number().int(),
    concertId: z.uuid(),
    ticketTierId: z.number().int(),
    seatNumber: z.string().meta({ example: 'V-12' }),
    row: z.number().int(),
    section: sectionSchema,
    isBooked: z.boolean(),
    status: seatStatusSchema,
  })
  .meta({ id: 'Seat', example: exampleSeat });
export type Seat = z.infer<typeof seatSchema>;

export const seatMapSchema = z
  .object({
    seats: z
      .array(seatSchema)
      .meta({ description: 'Ordered by section (front, vip, ga), row and position in the row' }),
    totalSeats: z.number().int(),
    availableSeats: z.number().int().meta({ description: 'Seats that can be bought now: neither booked nor held' }),
    bookedSeats: z.number().int(),
    heldSeats: z.number().int(),
    version: z.string().meta({
      description:
        'Which state of the seats this map shows; also in its ETag. Send it back as `minVersion` to get a map at ' +
        'least this new from any instance.',
    }),
  })
  .meta({
    id: 'SeatMap',
    example: {
      seats: [exampleSeat],
      totalSeats: 100,
      availableSeats: 97,
      bookedSeats: 2,
      heldSeats: 1,
      version: '0-812-0',
    },
  });
export type SeatMap = z.infer<typeof seatMapSchema>;

export const seatChangeSchema = z
  .object({ id: z.number().int(), status: seatStatusSchema })
  .meta({ id: 'SeatChange', description: "A seat's status now" });

/** The data of the live stream's `ready` and `seats` events. */
export const seatChangesEventSchema = z
  .object({
    version: z.string().meta({ description: 'The map version after these changes' }),
    changes: z.array(seatChangeSchema),
  })
  .meta({ id: 'SeatChangesEvent', example: { version: '0-812-0', changes: [{ id: 342, status: 'booked' }] } });
export type SeatChangesEvent = z.infer<typeof seatChangesEventSchema>;

/** The data of the live stream's `refetch` event. */
export const seatRefetchEventSchema = z
  .object({ reason: z.enum(['layout-changed', 'concert-removed', 'resume-unavailable']) })
  .meta({ id: 'SeatRefetchEvent', example: { reason: 'layout-changed' } });

/**
 * Sent with every answer that changed seats (bookings, holds, releases, cancellations): the version of
 * the concert's seat map that includes the change, for `minVersion` of the next map read.
 */
export const SEAT_MAP_VERSION_HEADER = 'Seat-Map-Version';

export const seatMapQuerySchema = z.object({
  minVersion: z
    .string()
    .max(100)
    .regex(/^[\w.-]+$/, 'must be a version from a seat map or a Seat-Map-Version header')
    .optional()
    .meta({
      description:
        "A map's `version` or a write's Seat-Map-Version: the answer is at least that new, whichever instance " +
        'serves it (an instance that has not seen it yet first reads everything committed).',
      example: '0-812-0',
    }),
});

export const concertIdParamSchema = z.object({
  concertId: z.uuid({ error: 'must be a UUID' }).meta({ example: EXAMPLE.concertId }),
});

export const lastEventIdHeaderSchema = z.object({
  'last-event-id': z
    .string()
    .max(64)
    .optional()
    .meta({ description: 'The id of the last event received, to resume after a reconnect' }),
});
