import { type OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { matchesIfNoneMatch } from '../../http/conditional.js';
import { documentedRouter, problems } from '../../http/openapi.js';
import { SeatEventStreams, type SeatEventSettings } from './seats.events.js';
import type { SeatInventories } from './seats.feed.js';
import { SeatMapCache } from './seats.map.js';
import type { RecentWriters } from './seats.writers.js';
import { clientKeys } from '../../http/sessions.js';
import {
  concertIdParamSchema,
  lastEventIdHeaderSchema,
  seatMapQuerySchema,
  seatMapSchema,
  seatSchema,
} from 'hamro-concert.contracts';
import * as service from './seats.service.js';

export function seatsRoutes(
  inventories: SeatInventories,
  writers: RecentWriters,
  settings: SeatEventSettings,
  registry: OpenAPIRegistry,
) {
  const { router, route } = documentedRouter(registry);
  const tags = ['Seats'];
  const maps = new SeatMapCache();
  const streams = new SeatEventStreams(inventories, maps, settings);

  route(
    {
      method: 'get',
      path: '/seats/concert/{concertId}',
      operationId: 'getSeatMap',
      tags,
      summary: 'The seat map of a concert',
      description:
        'Sent with an ETag that changes whenever any seat of the concert changes hands; send it back in ' +
        'If-None-Match to get 304 Not Modified. Compressed with br or gzip when the client accepts them. A ' +
        "client's own bookings, holds, releases and cancellations show in the next map it reads from the " +
        'instance that answered them. A venue of more than 5,000 seats is otherwise served from a snapshot ' +
        "at most two seconds old, and follows other instances' changes a few milliseconds behind: after a write " +
        "answered elsewhere, send its Seat-Map-Version (or the last map's `version`) as `minVersion` to get " +
        'a map at least that new. Follow GET /concerts/{concertId}/seats/events for every change.',
      request: { params: concertIdParamSchema, query: seatMapQuerySchema },
      responses: {
        200: { description: 'Every seat and the counts', content: { 'application/json': { schema: seatMapSchema } } },
        304: { description: 'Not modified since the ETag sent in If-None-Match' },
        ...problems(400, 404, 503),
      },
    },
    async ({ params: { concertId }, query: { minVersion } }, req, res) => {
      const inventory = await service.inventoryForReading(inventories, concertId, minVersion);
      const map = maps.answer(inventory, {
        lastWrite: writers.lastWrite(concertId, clientKeys(req)),
        minVersion,
        accepts: (encoding) => req.acceptsEncodings(encoding) === encoding,
      });
      res.set({ ETag: map.etag, 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding, Cookie' });
      if (matchesIfNoneMatch(req, map.etag)) {
        res.status(304).end();
        return;
      }
      if (map.encoding !== 'identity') res.set('Content-Encoding', map.encoding);
      res.type('application/json').send(map.body);
    },
  );

  route(
    {
      method: 'get',
      path: '/seats/concert/{concertId}/available',
      operationId: 'listFreeSeats',
      tags,
      summary: 'The free seats of a concert',
      request: { params: concertIdParamSchema },
      responses: {
        200: {
          description: 'Seats nobody has booked or is holding',
          content: { 'application/json': { schema: z.array(seatSchema) } },
        },
        ...problems(400, 404, 503),
      },
    },
    async ({ params: { concertId } }, _req, res) => {
      res.json(await service.listFreeSeats(inventories, concertId));
    },
  );

  route(
    {
      method: 'get',
      path: '/concerts/{concertId}/seats/events',
      operationId: 'followSeatChanges',
      tags,
      summary: 'Live seat changes of a concert (Server-Sent Events)',
      description:
        'A `text/event-stream` that stays open. Open it, then fetch the seat map, and apply each event over ' +
        'the map:\n\n' +
        '- `ready` (first): `{version, changes}`: the map version now and the seats whose status differs from ' +
        'the newest map GET /seats/concert/{concertId} serves.\n' +
        '- `seats`: `{version, changes: [{id, status}]}`, at most one event every ' +
        `${settings.batchMs} ms, whichever instance took the booking, hold, release or cancellation.\n` +
        '- `refetch`: `{reason}`: seats were added or removed, the concert was deleted, or a resume was not ' +
        'possible; fetch the map again.\n\n' +
        'Every event has an id: a client that reconnects with `Last-Event-ID` gets the events it missed ' +
        '(or `refetch` when the instance no longer has them). A comment line every ' +
        `${Math.round(settings.heartbeatMs / 1000)} s keeps proxies from closing a quiet stream. Each instance ` +
        `serves at most ${settings.maxSubscribers} streams (SEAT_EVENTS_MAX_SUBSCRIBERS); beyond that it answers ` +
        '503 `too-many-subscribers` with Retry-After.',
      request: { params: concertIdParamSchema, headers: lastEventIdHeaderSchema },
      responses: {
        200: {
          description: 'The event stream',
          content: {
            'text/event-stream': {
              schema: z.string().meta({
                example:
                  'id: 3f2a.7\nevent: seats\ndata: {"version":"0-812-0","changes":[{"id":12,"status":"booked"}]}\n\n',
              }),
            },
          },
        },
        ...problems(400, 404, 503),
      },
    },
    async ({ params: { concertId }, headers }, req, res) => {
      const { 'last-event-id': lastEventId } = headers;
      const inventory = await service.concertInventory(inventories, concertId);
      // Express answers HEAD with the GET route: it gets the stream's headers and ends there.
      if (req.method === 'HEAD') streams.head(res);
      else streams.open(inventory, res, lastEventId);
    },
  );

  return { router, close: () => streams.close(), subscribers: () => streams.subscriberCount };
}
