import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Db } from '../../db/client.js';
import { requireRole, type AccessTokens } from '../../http/auth.js';
import { bearerAuth, documentedRouter, problems } from '../../http/openapi.js';
import { admissionSchema, checkInBodySchema } from 'hamro-concert.contracts';
import * as service from './tickets.service.js';

export function ticketsRoutes(db: Db, tokens: AccessTokens, registry: OpenAPIRegistry) {
  const { router, route } = documentedRouter(registry);

  route(
    {
      method: 'post',
      path: '/check-in',
      operationId: 'checkIn',
      tags: ['Door'],
      summary: 'Scan a ticket at the door (staff)',
      description:
        'Admits a ticket at the door of `concertId`: 200 the first time; 409 `ticket-already-used` with the time ' +
        'of the first scan afterwards; 409 `wrong-concert` naming the concert a ticket of another one is for ' +
        '(it stays unused); 410 for a cancelled booking.',
      security: bearerAuth,
      request: { body: { required: true, content: { 'application/json': { schema: checkInBodySchema } } } },
      responses: {
        200: { description: 'Admitted', content: { 'application/json': { schema: admissionSchema } } },
        ...problems(400, 401, 403, 404, 409, 410),
      },
    },
    async ({ body }, _req, res) => {
      const { code, concertId } = body;
      res.json(await service.checkIn(db, code, concertId));
    },
    { guards: [requireRole(tokens, 'staff')] },
  );

  return router;
}
