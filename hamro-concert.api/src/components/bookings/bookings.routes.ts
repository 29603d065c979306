import { type OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Db } from '../../db/client.js';
import { documentedRouter, problems } from '../../http/openapi.js';
import type { Clock } from '../../lib/clock.js';
import { bookingSchema, bookSeatsBodySchema } from './bookings.schemas.js';
import * as service from './bookings.service.js';

export function bookingsRoutes(db: Db, clock: Clock, registry: OpenAPIRegistry) {
  const { router, route } = documentedRouter(registry);

  route(
    {
      method: 'post',
      path: '/ticket-bookings/seats',
      tags: ['Bookings'],
      summary: 'Book seats, all or nothing',
      description:
        'Books up to 10 seats of one concert in one transaction. Either every seat is booked or nothing is ' +
        'written. 409 `seat-already-booked` names the seats someone else booked first.',
      request: { body: { required: true, content: { 'application/json': { schema: bookSeatsBodySchema } } } },
      responses: {
        201: { description: 'The booking', content: { 'application/json': { schema: bookingSchema } } },
        ...problems(400, 404, 409, 413, 503),
      },
    },
    async (req, res) => {
      const body = bookSeatsBodySchema.parse(req.body);
      res.status(201).json(await service.bookSeats(db, clock, body));
    },
  );

  return router;
}
