import { type OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Db } from '../../db/client.js';
import { paginationQuerySchema, uuidParamSchema } from '../../http/common.schemas.js';
import { documentedRouter, problems } from '../../http/openapi.js';
import type { Clock } from '../../lib/clock.js';
import { concertPageSchema, concertSchema } from './concerts.schemas.js';
import * as service from './concerts.service.js';

export function concertsRoutes(db: Db, clock: Clock, registry: OpenAPIRegistry) {
  const { router, route } = documentedRouter(registry);
  const tags = ['Concerts'];

  route(
    {
      method: 'get',
      path: '/concerts',
      tags,
      summary: 'Upcoming concerts, soonest first, with live availability per tier',
      request: { query: paginationQuerySchema },
      responses: {
        200: { description: 'A page of concerts', content: { 'application/json': { schema: concertPageSchema } } },
        ...problems(400),
      },
    },
    async (req, res) => {
      const query = paginationQuerySchema.parse(req.query);
      res.json(await service.listConcerts(db, clock, query));
    },
  );

  route(
    {
      method: 'get',
      path: '/concerts/{id}',
      tags,
      summary: 'One concert',
      request: { params: uuidParamSchema },
      responses: {
        200: { description: 'The concert', content: { 'application/json': { schema: concertSchema } } },
        ...problems(400, 404),
      },
    },
    async (req, res) => {
      const { id } = uuidParamSchema.parse(req.params);
      res.json(await service.getConcert(db, id));
    },
  );

  return router;
}
