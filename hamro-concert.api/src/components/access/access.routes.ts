import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { requireRole, type AccessTokens, type Role } from '../../http/auth.js';
import { bearerAuth, documentedRouter, problems } from '../../http/openapi.js';

const WHO: Record<Role, string> = {
  staff: 'the door (staff or admin token)',
  admin: 'organizer routes (admin token)',
};

/**
 * Lets the web app check a token when it is entered, so a mistyped one is refused at sign-in and
 * not at the first ticket scanned or concert saved. The answer is the routes' own: 401 or 403.
 */
export function accessRoutes(tokens: AccessTokens, registry: OpenAPIRegistry) {
  const { router, route } = documentedRouter(registry);

  for (const role of ['staff', 'admin'] as const) {
    route(
      {
        method: 'get',
        path: `/access/${role}`,
        operationId: role === 'admin' ? 'checkAdminAccess' : 'checkStaffAccess',
        tags: ['Access'],
        summary: `Check a token for ${WHO[role]}`,
        description: `204 when the bearer token opens ${WHO[role]}; 401 without a token, 403 with a wrong one.`,
        security: bearerAuth,
        responses: {
          204: { description: 'The token opens these routes' },
          ...problems(401, 403),
        },
      },
      (_input, _req, res) => {
        res.status(204).end();
      },
      { guards: [requireRole(tokens, role)] },
    );
  }

  return router;
}
