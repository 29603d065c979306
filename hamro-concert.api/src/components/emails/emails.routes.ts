import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { requireRole, type AccessTokens } from '../../http/auth.js';
import { AppError } from '../../http/errors.js';
import { bearerAuth, documentedRouter, problems } from '../../http/openapi.js';
import { bookingReferenceParamSchema, sentEmailSchema } from 'hamro-concert.contracts';
import * as repository from './emails.repository.js';

const STATUS_WORDS = {
  confirmed: 'confirmed',
  cancelled: 'cancelled',
  awaiting_payment: 'awaiting its payment',
  expired: 'expired unpaid',
} as const;

export function emailsRoutes(db: Db, tokens: AccessTokens, registry: OpenAPIRegistry) {
  const { router, route } = documentedRouter(registry);

  route(
    {
      method: 'get',
      path: '/admin/bookings/{reference}/emails',
      operationId: 'listBookingEmails',
      tags: ['Organizer'],
      summary: 'The emails of a booking: its tickets, a cancellation, refunds (admin)',
      description: 'Newest first, each with when it was sent, or how often it was tried and why it failed.',
      security: bearerAuth,
      request: { params: bookingReferenceParamSchema },
      responses: {
        200: { description: 'Its emails', content: { 'application/json': { schema: z.array(sentEmailSchema) } } },
        ...problems(400, 401, 403),
      },
    },
    async ({ params }, _req, res) => {
      const rows = await repository.emailsOf(db, params.reference);
      res.json(
        rows.map((row) => ({
          kind: row.kind,
          createdAt: new Date(row.created_at).toISOString(),
          sentAt: row.sent_at === null ? null : new Date(row.sent_at).toISOString(),
          attempts: row.attempts,
          lastError: row.last_error,
        })),
      );
    },
    { guards: [requireRole(tokens, 'admin')] },
  );

  route(
    {
      method: 'post',
      path: '/admin/bookings/{reference}/emails',
      operationId: 'resendTickets',
      tags: ['Organizer'],
      summary: "Send a booking's tickets to its buyer again (admin)",
      description:
        'Queues the tickets email once more, in the language of the booking; it goes out within seconds. 409 ' +
        '`booking-not-confirmed` for a booking that has no tickets (cancelled, awaiting payment, expired); 404 for ' +
        'an unknown reference.',
      security: bearerAuth,
      request: { params: bookingReferenceParamSchema },
      responses: { 202: { description: 'Queued' }, ...problems(400, 401, 403, 404, 409) },
    },
    async ({ params }, _req, res) => {
      const outcome = await repository.queueResend(db, params.reference);
      if (outcome === undefined) throw new AppError(404, 'booking-not-found', 'No booking has this reference.');
      if (outcome !== 'queued')
        throw new AppError(
          409,
          'booking-not-confirmed',
          `This booking has no tickets to send: it is ${STATUS_WORDS[outcome]}.`,
        );
      res.status(202).end();
    },
    { guards: [requireRole(tokens, 'admin')] },
  );

  return router;
}
