import { z } from 'zod';
import { EXAMPLE } from './common.js';

/** The header that carries a visitor's queue ticket. */
export const QUEUE_TICKET_HEADER = 'Queue-Ticket';
/** The header that carries an admission pass to holds and bookings. */
export const ADMISSION_PASS_HEADER = 'Admission-Pass';

const token = z
  .string()
  .min(16)
  .max(600)
  .regex(/^[\w-]+\.[\w-]+$/, 'not a signed token');

export const queueTicketHeaderSchema = z.object({
  [QUEUE_TICKET_HEADER.toLowerCase()]: token
    .optional()
    .meta({ description: 'The queue ticket from joining; without it, the room as anyone sees it' }),
});

export const admissionPassHeaderSchema = z.object({
  [ADMISSION_PASS_HEADER.toLowerCase()]: z
    .string()
    .max(600)
    .optional()
    .meta({ description: "Needed while the concert's waiting room is on: the pass from the room once admitted" }),
});

export const visitStateSchema = z.enum(['off', 'not-yet', 'joinable', 'waiting', 'admitted', 'expired']).meta({
  id: 'WaitingRoomState',
  description:
    'off: no waiting room, go straight to the seats; not-yet: the room opens for joining at `joinsFrom`; ' +
    'joinable: join now (POST …/waiting-room/join); waiting: in line (before the opening `position` is null: ' +
    'places are drawn then); admitted: `pass` opens holding and booking until `passExpiresAt`; expired: the ' +
    'pass has ended (it ran out, or was used for a booking), join again',
});

export const visitSchema = z
  .object({
    concertId: z.uuid(),
    state: visitStateSchema,
    opensAt: z.iso.datetime({ offset: true }).nullable().meta({ description: 'When admissions begin' }),
    joinsFrom: z.iso.datetime({ offset: true }).nullable().meta({ description: 'When visitors may join' }),
    ticket: z.string().nullable().meta({ description: 'Send back as the Queue-Ticket header to keep the place' }),
    pass: z.string().nullable().meta({ description: 'Send as the Admission-Pass header with holds and bookings' }),
    passExpiresAt: z.iso.datetime({ offset: true }).nullable(),
    admittedAt: z.iso.datetime({ offset: true }).nullable(),
    place: z.number().int().nullable().meta({ description: 'The place in line, once given' }),
    position: z.number().int().nullable().meta({ description: '1: admitted next' }),
    ahead: z.number().int().nullable().meta({ description: 'Visitors in line before this one' }),
    waiting: z.number().int().meta({ description: 'Visitors waiting in all' }),
    estimatedWaitSeconds: z.number().int().nullable().meta({ description: 'Null while paused or before the draw' }),
    paused: z.boolean(),
    pollAfterSeconds: z.number().int().meta({ description: 'Ask again after this long' }),
  })
  .meta({
    id: 'WaitingRoomVisit',
    example: {
      concertId: EXAMPLE.concertId,
      state: 'waiting',
      opensAt: '2027-02-01T04:15:00.000Z',
      joinsFrom: '2027-02-01T04:00:00.000Z',
      ticket: 'eyJrIjoidCJ9.c2lnbmF0dXJlLW9mLXRoZS10aWNrZXQ',
      pass: null,
      passExpiresAt: null,
      admittedAt: null,
      place: 412,
      position: 37,
      ahead: 36,
      waiting: 2210,
      estimatedWaitSeconds: 23,
      paused: false,
      pollAfterSeconds: 5,
    },
  });
export type Visit = z.infer<typeof visitSchema>;

export const roomSettingsSchema = z
  .object({
    enabled: z.boolean().meta({ description: 'While on, holding and booking need an admission pass' }),
    admitPerMinute: z.number().int().min(1).max(1_000_000).meta({ description: 'New buyers let in per minute' }),
    maxShopping: z.number().int().min(1).max(1_000_000).meta({ description: 'The most buyers shopping at once' }),
    paused: z.boolean().default(false).meta({ description: 'Admit no one for now; the line keeps its order' }),
    joinMinutesBefore: z
      .number()
      .int()
      .min(0)
      .max(24 * 60)
      .default(15)
      .meta({ description: 'Visitors join from this long before the opening; early arrivals are drawn at random' }),
    passMinutes: z
      .number()
      .int()
      .min(1)
      .max(240)
      .default(15)
      .meta({ description: 'How long a pass lasts; each hold or booking renews it' }),
  })
  .strict()
  .meta({
    id: 'WaitingRoomSettings',
    example: {
      enabled: true,
      admitPerMinute: 300,
      maxShopping: 1000,
      paused: false,
      joinMinutesBefore: 15,
      passMinutes: 15,
    },
  });
export type RoomSettings = z.infer<typeof roomSettingsSchema>;

export const roomSchema = roomSettingsSchema
  .extend({
    concertId: z.uuid(),
    opensAt: z.iso.datetime({ offset: true }),
    joinsFrom: z.iso.datetime({ offset: true }),
    waiting: z.number().int().meta({ description: 'In line, not yet admitted' }),
    shopping: z.number().int().meta({ description: 'Admitted, with a live pass, not yet booked' }),
    admitted: z.number().int().meta({ description: 'Admitted since the opening' }),
    admittedLastMinute: z.number().int(),
  })
  .meta({
    id: 'WaitingRoom',
    example: {
      concertId: EXAMPLE.concertId,
      enabled: true,
      admitPerMinute: 300,
      maxShopping: 1000,
      paused: false,
      joinMinutesBefore: 15,
      passMinutes: 15,
      opensAt: '2027-02-01T04:15:00.000Z',
      joinsFrom: '2027-02-01T04:00:00.000Z',
      waiting: 2210,
      shopping: 640,
      admitted: 1780,
      admittedLastMinute: 300,
    },
  });
export type Room = z.infer<typeof roomSchema>;
