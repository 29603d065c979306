import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { proofOfWorkSchema, uuidParamSchema } from 'hamro-concert.contracts';
import type { Db } from '../../db/client.js';
import { requireRole, type AccessTokens, type Role } from '../../http/auth.js';
import { bearerAuth, documentedRouter, problems } from '../../http/openapi.js';
import type { BrowserSessions } from '../../http/sessions.js';
import { assertConcertExists } from '../concerts/concerts.service.js';

const WHO: Record<Role, string> = {
  staff: 'the door (staff or admin token)',
  admin: 'organizer routes (admin token)',
};

/**
 * Who may do what: the check of a token when it is entered (so a mistyped one is refused at
 * sign-in and not at the first ticket scanned or concert saved; the answer is the routes' own, 401
 * or 403), and the proof of work a new browser session owes before its first hold or join.
 */
export function accessRoutes(db: Db, tokens: AccessTokens, sessions: BrowserSessions, registry: OpenAPIRegistry) {
  const { router, route } = documentedRouter(registry);

  route(
    {
      method: 'get',
      path: '/concerts/{id}/challenge',
      operationId: 'getProofOfWorkChallenge',
      tags: ['Access'],
      summary: "A new browser session's proof of work for a concert",
      description:
        'A new browser session proves itself once, by a small proof of work (ALTCHA, PBKDF2-SHA-256), before its ' +
        'first hold without an admission pass or its first join of a waiting room: about a second on a phone. ' +
        'This starts the session (its cookie) if the request has none, and answers `required: false` once the ' +
        'session has proven itself. Otherwise solve `challenge` (find the counter whose derived key starts with ' +
        '`keyPrefix`) and send base64 of `{"challenge": …, "solution": {"counter", "derivedKey"}}` in the ' +
        'Proof-Of-Work header. A challenge is good for 10 minutes, for this session and concert only.',
      request: { params: uuidParamSchema },
      responses: {
        200: {
          description: 'Whether work is owed, and what',
          content: { 'application/json': { schema: proofOfWorkSchema } },
        },
        ...problems(400, 404),
      },
    },
    async ({ params: { id } }, req, res) => {
      await assertConcertExists(db, id);
      res.set('Cache-Control', 'no-store').json(await sessions.challenge(req, res, id));
    },
  );

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
