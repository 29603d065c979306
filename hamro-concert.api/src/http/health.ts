import type { OpenAPIRegistry } from '@asteasolutions/zod-to-openapi';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { migrationsAreCurrent } from '../db/migrate.js';
import { AppError } from './errors.js';
import { documentedRouter, problems } from './openapi.js';

/** Where the process is in its life: a load balancer sends buyers only while it is `serving`. */
export type Phase = 'starting' | 'serving' | 'stopping';

export class Readiness {
  phase: Phase = 'starting';
}

type Check = 'ok' | 'failing' | 'behind' | 'disconnected';

/** The longest a readiness probe waits for the database before it answers 503. */
const PROBE_TIMEOUT_MS = 2_000;

const liveSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Liveness', example: { status: 'ok' } });
const readySchema = z
  .object({
    status: z.literal('ready'),
    checks: z.object({
      database: z.string(),
      migrations: z.string(),
      seatFeed: z.string(),
      reads: z.enum(['replica', 'primary']).optional().meta({
        description:
          'With DATABASE_READ_URL: where reads that may lag go now (the primary while the replica is behind)',
      }),
    }),
  })
  .meta({
    id: 'Readiness',
    example: { status: 'ready', checks: { database: 'ok', migrations: 'ok', seatFeed: 'ok' } },
  });

async function databaseChecks(db: Db): Promise<{ database: Check; migrations: Check }> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(new Error('the database did not answer in time')), PROBE_TIMEOUT_MS);
  });
  try {
    const current = await Promise.race([migrationsAreCurrent(db), timeout]);
    return { database: 'ok', migrations: current ? 'ok' : 'behind' };
  } catch {
    return { database: 'failing', migrations: 'failing' };
  } finally {
    clearTimeout(timer);
  }
}

/**
 * `GET /health/live` (and `/health`): the process answers. `GET /health/ready`: the process is
 * serving (not starting or shutting down), the database answers, it has every migration this code
 * expects, and the seat feed is connected; otherwise 503 `not-ready` with the failing checks.
 */
export function healthRoutes(
  db: Db,
  readiness: Readiness,
  feed: { readonly connected: boolean },
  registry: OpenAPIRegistry,
  replica?: { readonly configured: boolean; readonly usingReplica: boolean },
) {
  const { router, route } = documentedRouter(registry);

  for (const [path, operationId] of [
    ['/health/live', 'checkLiveness'],
    ['/health', 'checkHealth'],
  ] as const) {
    route(
      {
        method: 'get',
        path,
        operationId,
        tags: ['Health'],
        summary: path === '/health' ? 'The same as /health/live' : 'Liveness: the process answers',
        description: 'Restart the process when this fails; it does not touch the database.',
        responses: {
          200: { description: 'Alive', content: { 'application/json': { schema: liveSchema } } },
          ...problems(),
        },
      },
      (_input, _req, res) => {
        res.set('Cache-Control', 'no-store').json({ status: 'ok' });
      },
    );
  }

  route(
    {
      method: 'get',
      path: '/health/ready',
      operationId: 'checkReadiness',
      tags: ['Health'],
      summary: 'Readiness: send traffic here',
      description:
        '200 while the instance can serve buyers. 503 while it starts, after SIGTERM (at once, before it ' +
        'stops accepting), while its database does not answer or lacks migrations, or while its seat feed reconnects.',
      responses: {
        200: { description: 'Ready', content: { 'application/json': { schema: readySchema } } },
        ...problems(503),
      },
    },
    async (_input, _req, res) => {
      res.set('Cache-Control', 'no-store');
      const seatFeed: Check = feed.connected ? 'ok' : 'disconnected';
      const checks =
        readiness.phase === 'serving'
          ? { phase: readiness.phase, ...(await databaseChecks(db)), seatFeed }
          : { phase: readiness.phase };
      if (!('database' in checks) || checks.database !== 'ok' || checks.migrations !== 'ok' || seatFeed !== 'ok') {
        throw new AppError(
          503,
          'not-ready',
          `This instance is not ready to serve buyers (${readiness.phase}).`,
          { checks },
          { 'Retry-After': '1' },
        );
      }
      const reads = replica?.configured ? { reads: replica.usingReplica ? 'replica' : 'primary' } : {};
      res.json({ status: 'ready', checks: { database: 'ok', migrations: 'ok', seatFeed, ...reads } });
    },
  );

  return router;
}
