import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Db } from '../../db/client.js';
import type { ReadReplica } from '../../db/read-replica.js';
import { requireRole, type AccessTokens } from '../../http/auth.js';
import { uuidParamSchema, salesReportSchema } from 'hamro-concert.contracts';
import { bearerAuth, documentedRouter, problems } from '../../http/openapi.js';
import * as service from './sales.service.js';

/** The report may come from a replica a moment behind (see ReadReplica): it informs, it decides nothing. */
export function salesRoutes(db: Db, tokens: AccessTokens, registry: OpenAPIRegistry, replica?: ReadReplica) {
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
      res.json(await service.salesReport(replica?.reads() ?? db, id));
    },
    { guards: [requireRole(tokens, 'admin')] },
  );

  return router;
}
