import { type OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import {
  intIdParamSchema,
  paginationQuerySchema,
  newTierSchema,
  ticketTierPageSchema,
  ticketTierSchema,
  tierChangesSchema,
} from 'hamro-concert.contracts';
import { requireRole, type AccessTokens } from '../../http/auth.js';
import { bearerAuth, documentedRouter, problems } from '../../http/openapi.js';
import * as service from './tiers.service.js';

export function tiersRoutes(db: Db, tokens: AccessTokens, registry: OpenAPIRegistry) {
  const { router, route } = documentedRouter(registry);
  const tags = ['Ticket tiers'];

  route(
    {
      method: 'get',
      path: '/ticket-tiers/all',
      operationId: 'listAllTiers',
      tags,
      summary: 'Every ticket tier with live availability',
      responses: {
        200: { description: 'All tiers', content: { 'application/json': { schema: z.array(ticketTierSchema) } } },
        ...problems(),
      },
    },
    async (_input, _req, res) => {
      res.json(await service.listAllTiers(db));
    },
  );

  route(
    {
      method: 'get',
      path: '/ticket-tiers',
      operationId: 'listTiers',
      tags,
      summary: 'Ticket tiers, a page at a time',
      request: { query: paginationQuerySchema },
      responses: {
        200: { description: 'A page of tiers', content: { 'application/json': { schema: ticketTierPageSchema } } },
        ...problems(400),
      },
    },
    async ({ query }, _req, res) => {
      res.json(await service.listTiers(db, query));
    },
  );

  route(
    {
      method: 'get',
      path: '/ticket-tiers/{id}',
      operationId: 'getTier',
      tags,
      summary: 'One ticket tier',
      request: { params: intIdParamSchema },
      responses: {
        200: { description: 'The tier', content: { 'application/json': { schema: ticketTierSchema } } },
        ...problems(400, 404),
      },
    },
    async ({ params: { id } }, _req, res) => {
      res.json(await service.getTier(db, id));
    },
  );

  const admin = requireRole(tokens, 'admin');

  route(
    {
      method: 'post',
      path: '/ticket-tiers',
      operationId: 'addTier',
      tags,
      summary: 'Add a tier to a concert, with `total` seats laid out in rows (admin)',
      security: bearerAuth,
      request: { body: { required: true, content: { 'application/json': { schema: newTierSchema } } } },
      responses: {
        201: { description: 'The tier', content: { 'application/json': { schema: ticketTierSchema } } },
        ...problems(400, 401, 403, 404, 409),
      },
    },
    async ({ body }, _req, res) => {
      res.status(201).json(await service.addTier(db, body));
    },
    { guards: [admin] },
  );

  route(
    {
      method: 'put',
      path: '/ticket-tiers',
      operationId: 'changeTier',
      tags,
      summary: "Change a tier's name, price or total (admin)",
      description:
        'A price change never alters sales already made. The total grows with new rows of seats, or shrinks by ' +
        'removing unused seats from the back; 409 `total-below-sold` if it would take seats in use.',
      security: bearerAuth,
      request: { body: { required: true, content: { 'application/json': { schema: tierChangesSchema } } } },
      responses: {
        200: { description: 'The tier', content: { 'application/json': { schema: ticketTierSchema } } },
        ...problems(400, 401, 403, 404, 409),
      },
    },
    async ({ body }, _req, res) => {
      res.json(await service.changeTier(db, body));
    },
    { guards: [admin] },
  );

  route(
    {
      method: 'delete',
      path: '/ticket-tiers/{id}',
      operationId: 'deleteTier',
      tags,
      summary: 'Delete a tier whose seats were never used (admin)',
      security: bearerAuth,
      request: { params: intIdParamSchema },
      responses: {
        204: { description: 'Deleted with its seats' },
        ...problems(400, 401, 403, 404, 409),
      },
    },
    async ({ params: { id } }, _req, res) => {
      await service.removeTier(db, id);
      res.status(204).end();
    },
    { guards: [admin] },
  );

  return router;
}
