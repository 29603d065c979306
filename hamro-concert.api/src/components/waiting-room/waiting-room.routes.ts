import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { requireRole, type AccessTokens } from '../../http/auth.js';
import {
  proofOfWorkHeaderSchema,
  uuidParamSchema,
  QUEUE_TICKET_HEADER,
  queueTicketHeaderSchema,
  roomSchema,
  roomSettingsSchema,
  visitSchema,
} from 'hamro-concert.contracts';
import { bearerAuth, documentedRouter, problems } from '../../http/openapi.js';
import type { BrowserSessions } from '../../http/sessions.js';
import type { WaitingRooms } from './waiting-room.service.js';

export function waitingRoomRoutes(
  rooms: WaitingRooms,
  sessions: BrowserSessions,
  tokens: AccessTokens,
  registry: OpenAPIRegistry,
) {
  const { router, route } = documentedRouter(registry);
  const tags = ['Waiting room'];
  const visitAnswer = { content: { 'application/json': { schema: visitSchema } } };

  route(
    {
      method: 'post',
      path: '/concerts/{id}/waiting-room/join',
      operationId: 'joinWaitingRoom',
      tags,
      summary: "Join a concert's waiting room",
      description:
        'Gives a queue ticket (201). A browser session holds one place per room: with the Queue-Ticket of a place ' +
        'still held, or from a session that holds one, answers that place again (200), so leaving and coming back ' +
        'keeps it. A new session proves itself first (403 `proof-of-work-required`: solve the challenge from ' +
        'GET /concerts/{id}/challenge and send it in the Proof-Of-Work header). Also 200, without a ticket, while ' +
        'the room is off or not yet open for joining (`state` says which).',
      request: { params: uuidParamSchema, headers: queueTicketHeaderSchema.extend(proofOfWorkHeaderSchema.shape) },
      responses: {
        200: { description: 'The place already held, or why there is none', ...visitAnswer },
        201: { description: 'A new place in line', ...visitAnswer },
        ...problems(400, 403, 404),
      },
    },
    async ({ params: { id } }, req, res) => {
      const session = async () => (await sessions.proven(req, res, id)).id;
      const { visit, joined } = await rooms.join(id, req.get(QUEUE_TICKET_HEADER), session);
      res
        .set('Cache-Control', 'no-store')
        .status(joined ? 201 : 200)
        .json(visit);
    },
  );

  route(
    {
      method: 'get',
      path: '/concerts/{id}/waiting-room',
      operationId: 'getWaitingRoomVisit',
      tags,
      summary: 'Where a visitor stands in the waiting room',
      description:
        'With a Queue-Ticket: position, the number ahead and an estimated wait, or the admission pass once ' +
        'admitted (ask again after `pollAfterSeconds`; the pass comes back renewed while holds keep it alive). ' +
        'Without: whether the room is on and open for joining.',
      request: { params: uuidParamSchema, headers: queueTicketHeaderSchema },
      responses: {
        200: { description: 'The visit', ...visitAnswer },
        ...problems(400, 404),
      },
    },
    async ({ params: { id } }, req, res) => {
      res.set('Cache-Control', 'no-store').json(await rooms.visit(id, req.get(QUEUE_TICKET_HEADER)));
    },
  );

  const admin = requireRole(tokens, 'admin');
  const roomAnswer = { content: { 'application/json': { schema: roomSchema } } };

  route(
    {
      method: 'get',
      path: '/admin/concerts/{id}/waiting-room',
      operationId: 'getWaitingRoom',
      tags: ['Organizer'],
      summary: "A concert's waiting room, live: waiting, shopping, admitted per minute (admin)",
      security: bearerAuth,
      request: { params: uuidParamSchema },
      responses: {
        200: { description: 'The room', ...roomAnswer },
        ...problems(400, 401, 403, 404),
      },
    },
    async ({ params: { id } }, _req, res) => {
      res.set('Cache-Control', 'no-store').json(await rooms.room(id));
    },
    { guards: [admin] },
  );

  route(
    {
      method: 'put',
      path: '/admin/concerts/{id}/waiting-room',
      operationId: 'configureWaitingRoom',
      tags: ['Organizer'],
      summary: 'Turn the waiting room on or off, pause it, or change its rates, also during the sale (admin)',
      security: bearerAuth,
      request: {
        params: uuidParamSchema,
        body: { required: true, content: { 'application/json': { schema: roomSettingsSchema } } },
      },
      responses: {
        200: { description: 'The room', ...roomAnswer },
        ...problems(400, 401, 403, 404),
      },
    },
    async ({ params: { id }, body }, _req, res) => {
      res.json(await rooms.configure(id, body));
    },
    { guards: [admin] },
  );

  return router;
}
