import { type OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { matchesIfNoneMatch } from '../../http/conditional.js';
import { documentedRouter, problems } from '../../http/openapi.js';
import { concertIdParamSchema, seatMapSchema, seatSchema } from './seats.schemas.js';
import * as service from './seats.service.js';

export function seatsRoutes(db: Db, registry: OpenAPIRegistry) {
  const { router, route } = documentedRouter(registry);
  const tags = ['Seats'];
  const getRenderedSeatMap = service.createSeatMapCache(db);

  route(
    {
      method: 'get',
      path: '/seats/concert/{concertId}',
      tags,
      summary: 'The seat map of a concert',
      description:
        'Sent with an ETag that changes whenever any seat of the concert changes hands; send it back in ' +
        'If-None-Match to get 304 Not Modified. Compressed with br or gzip when the client accepts it.',
      request: { params: concertIdParamSchema },
      responses: {
        200: { description: 'Every seat and the counts', content: { 'application/json': { schema: seatMapSchema } } },
        304: { description: 'Not modified since the ETag sent in If-None-Match' },
        ...problems(400, 404),
      },
    },
    async (req, res) => {
      const { concertId } = concertIdParamSchema.parse(req.params);
      const map = await getRenderedSeatMap(concertId);
      res.set({ ETag: map.etag, 'Cache-Control': 'no-cache', Vary: 'Accept-Encoding' });
      if (matchesIfNoneMatch(req, map.etag)) {
        res.status(304).end();
        return;
      }
      const encoding = (req.acceptsEncodings('br', 'gzip', 'identity') || 'identity') as service.Encoding;
      const body = await map.encoded(encoding);
      if (encoding !== 'identity') res.set('Content-Encoding', encoding);
      res.type('application/json').send(body);
    },
  );

  route(
    {
      method: 'get',
      path: '/seats/concert/{concertId}/available',
      tags,
      summary: 'The free seats of a concert',
      request: { params: concertIdParamSchema },
      responses: {
        200: {
          description: 'Seats nobody has booked',
          content: { 'application/json': { schema: z.array(seatSchema) } },
        },
        ...problems(400, 404),
      },
    },
    async (req, res) => {
      const { concertId } = concertIdParamSchema.parse(req.params);
      res.json(await service.listFreeSeats(db, concertId));
    },
  );

  return router;
}
