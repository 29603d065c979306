import { type OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Db } from '../../db/client.js';
import type { ReadReplica } from '../../db/read-replica.js';
import { idempotencyKeyHeader } from '../../http/idempotency.js';
import { preferredLanguage } from '../../http/language.js';
import { documentedRouter, problems } from '../../http/openapi.js';
import { clientKeys } from '../../http/sessions.js';
import { wroteSeats, type SeatDesk } from '../seats/seats.service.js';
import {
  ADMISSION_PASS_HEADER,
  admissionPassHeaderSchema,
  bestAvailableBookingBodySchema,
  bookingDetailsSchema,
  bookingReferenceParamSchema,
  bookingSchema,
  bookSeatsBodySchema,
  cancelBookingBodySchema,
  findBookingQuerySchema,
} from 'hamro-concert.contracts';
import type { AdmissionDesk } from '../waiting-room/waiting-room.service.js';
import * as service from './bookings.service.js';

export function bookingsRoutes(
  db: Db,
  rules: service.BookingRules,
  desk: SeatDesk,
  gate: AdmissionDesk,
  registry: OpenAPIRegistry,
  replica?: ReadReplica,
) {
  const { router, route } = documentedRouter(registry);
  const headers = idempotencyKeyHeader.extend(admissionPassHeaderSchema.shape);
  const PASS = ADMISSION_PASS_HEADER.toLowerCase() as Lowercase<typeof ADMISSION_PASS_HEADER>;

  route(
    {
      method: 'post',
      path: '/ticket-bookings/seats',
      operationId: 'bookSeats',
      tags: ['Bookings'],
      summary: 'Book seats, all or nothing',
      description:
        'Books up to 10 seats of one concert in one transaction. Either every seat is booked or nothing is ' +
        'written. 409 `seat-already-booked` or `seat-held` names the seats someone else has; 409 ' +
        '`buyer-limit-reached` when the buyer would own more than MAX_TICKETS_PER_BUYER seats of the concert. ' +
        "While the concert's waiting room is on, 403 `admission-required` without its Admission-Pass.",
      request: {
        headers,
        body: { required: true, content: { 'application/json': { schema: bookSeatsBodySchema } } },
      },
      responses: {
        201: { description: 'The booking', content: { 'application/json': { schema: bookingSchema } } },
        ...problems(400, 403, 404, 409, 410, 413, 422, 503),
      },
    },
    async ({ body, headers }, req, res) => {
      const admission = await gate.rooms.admissionOf(headers[PASS]);
      const language = body.language ?? preferredLanguage(req);
      const booking = await service.bookSeats(db, rules, { ...body, language }, desk, res.locals.requestKey, admission);
      res
        .set(wroteSeats(desk, booking.ticketData[0]?.concertId, clientKeys(req)))
        .status(201)
        .json(booking);
    },
    {
      idempotency: {
        db,
        recover: (reference, body) =>
          service.bookingAnswer(db, rules, reference, bookSeatsBodySchema.parse(body).seatIds),
      },
    },
  );

  route(
    {
      method: 'post',
      path: '/ticket-bookings/best-available',
      operationId: 'bookBestAvailable',
      tags: ['Bookings'],
      summary: 'Book the best available seats of a tier',
      description:
        'Chooses the best free seats of the tier: side by side in one row when possible, never stranding a single ' +
        'free seat when another choice exists, then nearest the stage. Seats other buyers are taking are passed ' +
        'over, not waited for. Answers like a seat booking; 409 `not-enough-seats` when the tier cannot supply them.',
      request: {
        headers,
        body: { required: true, content: { 'application/json': { schema: bestAvailableBookingBodySchema } } },
      },
      responses: {
        201: { description: 'The booking', content: { 'application/json': { schema: bookingSchema } } },
        ...problems(400, 403, 404, 409, 413, 422, 503),
      },
    },
    async ({ body, headers }, req, res) => {
      const admission = await gate.rooms.admissionOf(headers[PASS]);
      const language = body.language ?? preferredLanguage(req);
      const booking = await service.bookBestAvailable(
        db,
        rules,
        { ...body, language },
        desk,
        res.locals.requestKey,
        admission,
      );
      res
        .set(wroteSeats(desk, body.concertId, clientKeys(req)))
        .status(201)
        .json(booking);
    },
    { idempotency: { db, recover: (reference) => service.bookingAnswer(db, rules, reference) } },
  );

  route(
    {
      method: 'get',
      path: '/bookings/{reference}',
      operationId: 'findBooking',
      tags: ['Bookings'],
      summary: 'Find a booking by its reference and the email it was made with',
      description: 'A wrong email gives the same 404 as an unknown reference, so a reference alone reveals nothing.',
      request: { params: bookingReferenceParamSchema, query: findBookingQuerySchema },
      responses: {
        200: { description: 'The booking', content: { 'application/json': { schema: bookingDetailsSchema } } },
        ...problems(400, 404),
      },
    },
    async ({ params, query }, _req, res) => {
      res.json(await service.getBookingDetails(db, rules, params.reference, query.email, replica?.reads()));
    },
  );

  route(
    {
      method: 'post',
      path: '/bookings/{reference}/cancel',
      operationId: 'cancelBooking',
      tags: ['Bookings'],
      summary: 'Cancel a booking before the concert starts',
      description: 'Frees its seats, restores the stock and marks its sale records cancelled, in one transaction.',
      request: {
        params: bookingReferenceParamSchema,
        body: { required: true, content: { 'application/json': { schema: cancelBookingBodySchema } } },
      },
      responses: {
        200: {
          description: 'The cancelled booking',
          content: { 'application/json': { schema: bookingDetailsSchema } },
        },
        ...problems(400, 404, 409),
      },
    },
    async ({ params, body }, req, res) => {
      const booking = await service.cancelBooking(db, rules, desk, params.reference, body.email);
      res.set(wroteSeats(desk, booking.concert.id, clientKeys(req))).json(booking);
    },
  );

  return router;
}
