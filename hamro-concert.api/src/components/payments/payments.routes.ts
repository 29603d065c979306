import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import { requireRole, type AccessTokens } from '../../http/auth.js';
import { bearerAuth, documentedRouter, problems } from '../../http/openapi.js';
import {
  bookingReferenceParamSchema,
  cashCollectedSchema,
  paymentOptionsSchema,
  paymentStartSchema,
  refundDueSchema,
  startPaymentBodySchema,
  type PaymentResult,
} from 'hamro-concert.contracts';
import type { Payments } from './payments.service.js';

const redirect = { 303: { description: "To the web app's payment page, which shows the result" } };
const providerText = z.string().trim().min(1).max(200);

export function paymentsRoutes(payments: Payments, tokens: AccessTokens, registry: OpenAPIRegistry) {
  const { router, route } = documentedRouter(registry);
  const tags = ['Payments'];
  /** The web app's page for a return: it polls the booking until the payment is decided. */
  const resultPage = (reference: string | null, result: PaymentResult) => {
    const url = new URL('/payment', payments.settings.publicBaseUrl);
    if (reference) url.searchParams.set('reference', reference);
    url.searchParams.set('result', result);
    return url.toString();
  };

  route(
    {
      method: 'get',
      path: '/payments/options',
      operationId: 'getPaymentOptions',
      tags,
      summary: 'The ways to pay this server takes, and whether payments are tests',
      responses: {
        200: { description: 'The options', content: { 'application/json': { schema: paymentOptionsSchema } } },
        ...problems(),
      },
    },
    (_input, _req, res) => {
      res.json(payments.options());
    },
  );

  route(
    {
      method: 'post',
      path: '/bookings/{reference}/payments',
      operationId: 'startPayment',
      tags,
      summary: 'Start paying an awaiting booking with Khalti or eSewa',
      description:
        "Khalti: send the buyer to `redirectUrl`. eSewa: post `form.fields` to `form.action` from the buyer's " +
        'browser. The buyer comes back to this server, which asks the provider and sends them on to the web ' +
        "app's /payment page. A new attempt may be started after a cancelled one while the window lasts. " +
        '409 `booking-not-awaiting-payment` once it is paid or expired; 503 `payment-provider-unavailable` ' +
        'when Khalti does not answer (the seats stay held).',
      request: {
        params: bookingReferenceParamSchema,
        body: { required: true, content: { 'application/json': { schema: startPaymentBodySchema } } },
      },
      responses: {
        201: {
          description: 'Where to send the buyer',
          content: { 'application/json': { schema: paymentStartSchema } },
        },
        ...problems(400, 404, 409, 503),
      },
    },
    async ({ params, body }, _req, res) => {
      res.status(201).json(await payments.start(params.reference, body.email, body.method));
    },
  );

  route(
    {
      method: 'get',
      path: '/payments/khalti/return',
      operationId: 'khaltiReturn',
      tags,
      summary: "Khalti's return URL",
      description:
        'Where Khalti sends the buyer back. Its parameters are not signed, so only `pidx` is read: the payment ' +
        "is looked up with Khalti, and the buyer is sent on to the web app's payment page.",
      request: { query: z.looseObject({ pidx: providerText }) },
      responses: { ...redirect, ...problems(400) },
    },
    async ({ query }, _req, res) => {
      const { reference, result } = await payments.khaltiReturn(query.pidx);
      res.redirect(303, resultPage(reference, result));
    },
  );

  route(
    {
      method: 'get',
      path: '/payments/esewa/return',
      operationId: 'esewaReturn',
      tags,
      summary: "eSewa's success URL",
      description:
        'Where eSewa sends the buyer after paying, with signed `data`. A bad signature is 400 `payment-signature-invalid`; ' +
        'a good one is still confirmed with the status API, with the amounts we stored, before the booking is paid.',
      request: { query: z.looseObject({ data: z.string().trim().min(1).max(4000) }) },
      responses: { ...redirect, ...problems(400, 404) },
    },
    async ({ query }, _req, res) => {
      const { reference, result } = await payments.esewaReturn(query.data);
      res.redirect(303, resultPage(reference, result));
    },
  );

  route(
    {
      method: 'get',
      path: '/payments/esewa/failure',
      operationId: 'esewaFailure',
      tags,
      summary: "eSewa's failure URL",
      description: 'Where eSewa sends a buyer who did not pay; the status API is asked all the same.',
      request: { query: z.looseObject({ order: providerText }) },
      responses: { ...redirect, ...problems(400) },
    },
    async ({ query }, _req, res) => {
      const { reference, result } = await payments.esewaFailure(query.order);
      res.redirect(303, resultPage(reference, result));
    },
  );

  route(
    {
      method: 'get',
      path: '/admin/refunds',
      operationId: 'listRefundsDue',
      tags: ['Organizer'],
      summary: 'Refunds owed to buyers (admin)',
      description:
        'Payments whose money goes back: cancelled after paying, paid after the seats were gone, paid twice, or ' +
        "confirmed for another amount. Khalti's are refunded through its API and leave this list by themselves; " +
        "eSewa's are refunded by hand, then marked here.",
      security: bearerAuth,
      request: { query: z.object({ concertId: z.uuid().optional() }) },
      responses: {
        200: { description: 'Refunds due', content: { 'application/json': { schema: z.array(refundDueSchema) } } },
        ...problems(400, 401, 403),
      },
    },
    async ({ query }, _req, res) => {
      res.json(await payments.refunds.due(query.concertId));
    },
    { guards: [requireRole(tokens, 'admin')] },
  );

  route(
    {
      method: 'post',
      path: '/admin/refunds/{paymentId}/refunded',
      operationId: 'markRefundedByHand',
      tags: ['Organizer'],
      summary: 'Record a refund made by hand (admin)',
      security: bearerAuth,
      request: { params: z.object({ paymentId: providerText }) },
      responses: { 204: { description: 'Recorded' }, ...problems(400, 401, 403, 404, 409) },
    },
    async ({ params }, _req, res) => {
      await payments.refunds.byHand(params.paymentId);
      res.status(204).end();
    },
    { guards: [requireRole(tokens, 'admin')] },
  );

  route(
    {
      method: 'post',
      path: '/bookings/{reference}/cash',
      operationId: 'collectCash',
      tags: ['Door'],
      summary: 'Record the cash of a booking paid at the door (staff)',
      description: '409 `nothing-to-collect` when the booking is not one to be paid at the door, or was paid already.',
      security: bearerAuth,
      request: { params: bookingReferenceParamSchema },
      responses: {
        200: {
          description: 'Recorded',
          content: { 'application/json': { schema: cashCollectedSchema } },
        },
        ...problems(400, 401, 403, 409),
      },
    },
    async ({ params }, _req, res) => {
      res.json(await payments.collectCash(params.reference));
    },
    { guards: [requireRole(tokens, 'staff')] },
  );

  return router;
}
