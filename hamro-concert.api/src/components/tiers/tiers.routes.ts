import { type OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { intIdParamSchema, paginationQuerySchema } from '../../http/common.schemas.js';
import { documentedRouter, problems } from '../../http/openapi.js';
import * as service from './tiers.service.js';
import { ticketTierPageSchema, ticketTierSchema } from './tiers.schemas.js';

export function tiersRoutes(db: Db, registry: OpenAPIRegistry) {
  const { router, route } = documentedRouter(registry);
  const tags = ['Ticket tiers'];

  route(
    {
      method: 'get',
      path: '/ticket-tiers/all',
      tags,
      summary: 'Every ticket tier with live availability',
      responses: {
        200: { description: 'All tiers', content: { 'application/json': { schema: z.array(ticketTierSchema) } } },
        ...problems(),
      },
    },
    async (_req, res) => {
      res.json(await service.listAllTiers(db));
    },
  );

  route(
    {
      method: 'get',
      path: '/ticket-tiers',
      tags,
      summary: 'Ticket tiers, a page at a time',
      request: { query: paginationQuerySchema },
      responses: {
        200: { description: 'A page of tiers', content: { 'application/json': { schema: ticketTierPageSchema } } },
        ...problems(400),
      },
    },
    async (req, res) => {
      const query = paginationQuerySchema.parse(req.query);
      res.json(await service.listTiers(db, query));
    },
  );

  route(
    {
      method: 'get',
      path: '/ticket-tiers/{id}',
      tags,
      summary: 'One ticket tier',
      request: { params: intIdParamSchema },
      responses: {
        200: { description: 'The tier', content: { 'application/json': { schema: ticketTierSchema } } },
        ...problems(400, 404),
      },
    },
    async (req, res) => {
      const { id } = intIdParamSchema.parse(req.params);
      res.json(await service.getTier(db, id));
    },
  );

  return router;
}
