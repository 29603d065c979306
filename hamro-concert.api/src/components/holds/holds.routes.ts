import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import type { Request, Response } from 'express';
import type { Db } from '../../db/client.js';
import { idempotencyKeyHeader } from '../../http/idempotency.js';
import { documentedRouter, problems } from '../../http/openapi.js';
import { clientKeys } from '../../http/sessions.js';
import { AppError } from '../../http/errors.js';
import { admissionRequired } from '../seats/seats.claims.js';
import { wroteSeats, type SeatDesk } from '../seats/seats.service.js';
import {
  ADMISSION_PASS_HEADER,
  admissionPassHeaderSchema,
  bestAvailableHoldBodySchema,
  createHoldBodySchema,
  holdBuyerBodySchema,
  holdSchema,
  holdTokenParamSchema,
  proofOfWorkHeaderSchema,
} from 'hamro-concert.contracts';
import type { AdmissionDesk } from '../waiting-room/waiting-room.service.js';
import * as service from './holds.service.js';

export function holdsRoutes(
  db: Db,
  settings: service.HoldSettings,
  desk: SeatDesk,
  gate: AdmissionDesk,
  registry: OpenAPIRegistry,
) {
  const { router, route } = documentedRouter(registry);
  const tags = ['Holds'];
  const headers = idempotencyKeyHeader.extend(admissionPassHeaderSchema.shape).extend(proofOfWorkHeaderSchema.shape);

  /**
   * The request's admission pass if it carries a genuine one, else its browser session, which must
   * have proven itself with a proof of work (its first hold carries one). Found once per request: the
   * check before the Idempotency-Key and the handler share it.
   */
  const holders = new WeakMap<Request, Promise<service.Holder>>();
  function holderOf(req: Request, res: Response, concertId: string): Promise<service.Holder> {
    let holder = holders.get(req);
    if (!holder) holders.set(req, (holder = findHolder(req, res, concertId)));
    return holder;
  }

  async function findHolder(req: Request, res: Response, concertId: string): Promise<service.Holder> {
    const admission = await gate.rooms.admissionOf(req.get(ADMISSION_PASS_HEADER));
    if (admission) return { key: `pass:${admission.entryId}`, admission };
    const session = await gate.sessions.proven(req, res, concertId).catch(async (error: unknown) => {
      // A sale behind a waiting room asks for its pass first; the proof of work comes with joining the room.
      if (error instanceof AppError && error.code === 'proof-of-work-required' && (await gate.rooms.isOn(concertId)))
        throw admissionRequired();
      throw error;
    });
    return { key: `session:${session.id}`, admission };
  }

  /** Before an Idempotency-Key is claimed: a proof of work still owed is refused without becoming the key's answer. */
  const proofFirst = {
    checks: [
      ({ body }: { body: { concertId: string } }, req: Request, res: Response) =>
        holderOf(req, res, body.concertId).then(() => undefined),
    ],
  };

  route(
    {
      method: 'post',
      path: '/holds',
      operationId: 'holdSeats',
      tags,
      summary: 'Hold seats while the buyer checks out',
      description:
        'Sets up to 10 seats of one concert aside until `expiresAt`. Others who try to hold or book them get ' +
        '409 `seat-held`. Confirm with POST /ticket-bookings/seats and the `holdToken`. One active hold per ' +
        'admission pass, or per browser session (a cookie): 409 `one-hold-at-a-time` for a second. A new ' +
        "session's first hold without a pass carries a solved proof of work (403 `proof-of-work-required`: see " +
        "GET /concerts/{id}/challenge). While the concert's waiting room is on, 403 `admission-required` without " +
        'its Admission-Pass. With `userEmail`, ' +
        "the held seats count toward that buyer's limit (409 `buyer-limit-reached` past it).",
      request: {
        headers,
        body: { required: true, content: { 'application/json': { schema: createHoldBodySchema } } },
      },
      responses: {
        201: { description: 'The hold', content: { 'application/json': { schema: holdSchema } } },
        ...problems(400, 403, 404, 409, 413, 422, 503),
      },
    },
    async ({ body }, req, res) => {
      const hold = await service.holdSeats(db, settings, body, desk, await holderOf(req, res, body.concertId));
      res
        .set(wroteSeats(desk, hold.concertId, clientKeys(req)))
        .status(201)
        .json(hold);
    },
    { idempotency: { db }, ...proofFirst },
  );

  route(
    {
      method: 'post',
      path: '/holds/best-available',
      operationId: 'holdBestAvailable',
      tags,
      summary: 'Hold the best available seats of a tier',
      description: 'Chooses seats as POST /ticket-bookings/best-available does, and holds them like POST /holds.',
      request: {
        headers,
        body: { required: true, content: { 'application/json': { schema: bestAvailableHoldBodySchema } } },
      },
      responses: {
        201: { description: 'The hold', content: { 'application/json': { schema: holdSchema } } },
        ...problems(400, 403, 404, 409, 413, 422, 503),
      },
    },
    async ({ body }, req, res) => {
      const hold = await service.holdBestAvailable(db, settings, body, desk, await holderOf(req, res, body.concertId));
      res
        .set(wroteSeats(desk, hold.concertId, clientKeys(req)))
        .status(201)
        .json(hold);
    },
    { idempotency: { db }, ...proofFirst },
  );

  route(
    {
      method: 'get',
      path: '/holds/{holdToken}',
      operationId: 'getHold',
      tags,
      summary: 'A hold and whether it is still active',
      request: { params: holdTokenParamSchema },
      responses: {
        200: { description: 'The hold', content: { 'application/json': { schema: holdSchema } } },
        ...problems(400, 404),
      },
    },
    async ({ params }, _req, res) => {
      res.json(await service.getHold(db, params.holdToken));
    },
  );

  route(
    {
      method: 'put',
      path: '/holds/{holdToken}/buyer',
      operationId: 'nameHoldBuyer',
      tags,
      summary: "Give the buyer's email to a hold",
      description:
        "From then on the hold's seats count toward the buyer's limit for the concert, as booked seats do: " +
        '409 `buyer-limit-reached` if they would take the email past it. 410 `hold-expired` or `hold-released` ' +
        'for a hold that has ended, 409 `hold-already-used` for one that became a booking.',
      request: {
        params: holdTokenParamSchema,
        body: { required: true, content: { 'application/json': { schema: holdBuyerBodySchema } } },
      },
      responses: {
        200: { description: 'The hold', content: { 'application/json': { schema: holdSchema } } },
        ...problems(400, 404, 409, 410, 413, 422),
      },
    },
    async ({ params, body }, _req, res) => {
      res.json(await service.nameHoldBuyer(db, settings, params.holdToken, body.userEmail));
    },
  );

  route(
    {
      method: 'delete',
      path: '/holds/{holdToken}',
      operationId: 'releaseHold',
      tags,
      summary: 'Release a hold early',
      request: { params: holdTokenParamSchema },
      responses: {
        204: { description: 'Released (or already ended); its seats are free again' },
        ...problems(400, 404, 409),
      },
    },
    async ({ params }, req, res) => {
      const concertId = await service.releaseHold(db, desk, params.holdToken);
      res
        .set(wroteSeats(desk, concertId, clientKeys(req)))
        .status(204)
        .end();
    },
  );

  return router;
}
