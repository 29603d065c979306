import { type OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Db } from '../../db/client.js';
import {
  paginationQuerySchema,
  uuidParamSchema,
  concertChangesSchema,
  concertChangesWithIdSchema,
  concertPageSchema,
  concertSchema,
  newConcertSchema,
} from 'hamro-concert.contracts';
import { requireRole, type AccessTokens } from '../../http/auth.js';
import { bearerAuth, documentedRouter, problems } from '../../http/openapi.js';
import * as service from './concerts.service.js';

export function concertsRoutes(
  db: Db,
  tokens: AccessTokens,
  registry: OpenAPIRegistry,
  defaults: service.ConcertDefaults,
  server: service.ServerMethods,
) {
  const { router, route } = documentedRouter(registry);
  const tags = ['Concerts'];

  route(
    {
      method: 'get',
      path: '/concerts',
      operationId: 'listConcerts',
      tags,
      summary: 'Upcoming concerts, soonest first, with live availability per tier',
      request: { query: paginationQuerySchema },
      responses: {
        200: { description: 'A page of concerts', content: { 'application/json': { schema: concertPageSchema } } },
        ...problems(400),
      },
    },
    async ({ query }, _req, res) => {
      res.json(await service.listConcerts(db, query, server));
    },
  );

  route(
    {
      method: 'get',
      path: '/concerts/{id}',
      operationId: 'getConcert',
      tags,
      summary: 'One concert',
      request: { params: uuidParamSchema },
      responses: {
        200: { description: 'The concert', content: { 'application/json': { schema: concertSchema } } },
        ...problems(400, 404),
      },
    },
    async ({ params: { id } }, _req, res) => {
      res.json(await service.getConcert(db, id, server));
    },
  );

  const admin = requireRole(tokens, 'admin');

  route(
    {
      method: 'post',
      path: '/concerts',
      operationId: 'createConcert',
      tags,
      summary: 'Create a concert with its venue layout (admin)',
      description:
        'Tiers are sections with a price and rows of seats; seats are numbered along each row and labelled like ' +
        '`V-12`. Without tiers the concert has no seats yet. All of it is created in one transaction.',
      security: bearerAuth,
      request: { body: { required: true, content: { 'application/json': { schema: newConcertSchema } } } },
      responses: {
        201: { description: 'The concert', content: { 'application/json': { schema: concertSchema } } },
        ...problems(400, 401, 403, 413),
      },
    },
    async ({ body }, _req, res) => {
      res.status(201).json(await service.createConcert(db, body, defaults, server));
    },
    { guards: [admin] },
  );

  route(
    {
      method: 'put',
      path: '/concerts/{id}',
      operationId: 'changeConcert',
      tags,
      summary: "Change a concert's details (admin)",
      security: bearerAuth,
      request: {
        params: uuidParamSchema,
        body: { required: true, content: { 'application/json': { schema: concertChangesSchema } } },
      },
      responses: {
        200: { description: 'The concert', content: { 'application/json': { schema: concertSchema } } },
        ...problems(400, 401, 403, 404),
      },
    },
    async ({ params: { id }, body }, _req, res) => {
      res.json(await service.changeConcert(db, id, body, server));
    },
    { guards: [admin] },
  );

  route(
    {
      method: 'put',
      path: '/concerts',
      operationId: 'changeConcertNamedInBody',
      tags,
      summary: "Change a concert's details, with its id in the body (admin)",
      security: bearerAuth,
      request: { body: { required: true, content: { 'application/json': { schema: concertChangesWithIdSchema } } } },
      responses: {
        200: { description: 'The concert', content: { 'application/json': { schema: concertSchema } } },
        ...problems(400, 401, 403, 404),
      },
    },
    async ({ body }, _req, res) => {
      const { id, ...changes } = body;
      res.json(await service.changeConcert(db, id, concertChangesSchema.parse(changes), server));
    },
    { guards: [admin] },
  );

  route(
    {
      method: 'delete',
      path: '/concerts/{id}',
      operationId: 'deleteConcert',
      tags,
      summary: 'Delete a concert that has no active bookings (admin)',
      security: bearerAuth,
      request: { params: uuidParamSchema },
      responses: {
        204: { description: 'Deleted' },
        ...problems(400, 401, 403, 404, 409),
      },
    },
    async ({ params: { id } }, _req, res) => {
      await service.deleteConcert(db, id);
      res.status(204).end();
    },
    { guards: [admin] },
  );

  return router;
}
