import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Db } from '../../db/client.js';
import { requireRole, type AccessTokens } from '../../http/auth.js';
import { uuidParamSchema, salesReportSchema } from 'hamro-concert.contracts';
import { bearerAuth, documentedRouter, problems } from '../../http/openapi.js';
import * as service from './sales.service.js';

export function salesRoutes(db: Db, tokens: AccessTokens, registry: OpenAPIRegistry) {
  const { router, route } = documentedRouter(registry);

  route(
    {
      method: 'get',
      path: '/admin/concerts/{id}/sales',
      operationId: 'getSalesReport',
      tags: ['Organizer'],
      summary: 'Sales of a concert per tier, and its latest bookings (admin)',
      security: bearerAuth,
      request: { params: uuidParamSchema },
      responses: {
        200: { description: 'The report', content: { 'application/json': { schema: salesReportSchema } } },
        ...problems(400, 401, 403, 404),
      },
    },
    async ({ params: { id } }, _req, res) => {
      res.json(await service.salesReport(db, id));
    },
    { guards: [requireRole(tokens, 'admin')] },
  );

  return router;
}
