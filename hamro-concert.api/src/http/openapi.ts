import { OpenAPIRegistry, OpenApiGeneratorV3, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { Router, type Request, type RequestHandler, type Response } from 'express';
import { problemSchema } from 'hamro-concert.contracts';
import { z } from 'zod';
import type { Db } from '../db/client.js';
import { idempotent, type IdempotencyOptions } from './idempotency.js';
import { guardInput } from './input-guard.js';

const PROBLEM_DESCRIPTIONS: Record<number, string> = {
  400: 'The request is not valid (see `errors`)',
  401: 'No bearer token',
  403: "The token does not give access, this kind of access is switched off, or the concert's waiting room needs an admission pass",
  404: 'Not found',
  409: 'Conflicts with the current state',
  413: 'The body is too large',
  410: 'Gone: the hold has expired or was released',
  422: 'The Idempotency-Key was already used with a different request',
  429: 'Too many requests from this browser session, admission pass or client address; retry after the Retry-After header',
  500: 'Unexpected failure; carries a request id',
  503: 'Busy or timed out; retry after the Retry-After header',
};

/** Problem responses to declare on a route, as `{ 404: ... }` entries. Every route gets 429 and 500. */
export function problems(...statuses: number[]): RouteConfig['responses'] {
  const responses: RouteConfig['responses'] = {};
  for (const status of [...statuses, 429, 500]) {
    responses[status] = {
      description: PROBLEM_DESCRIPTIONS[status] ?? 'Error',
      content: { 'application/problem+json': { schema: problemSchema } },
    };
  }
  return responses;
}

/** A route's documentation: every operation has a name (camelCase, unique), for clients generated from it. */
export type DocumentedRoute = RouteConfig & { operationId: string };

type OutputOf<S> = S extends z.ZodType ? z.output<S> : undefined;
type JsonBodyOf<C> = C extends { request: { body: { content: { 'application/json': { schema: infer S } } } } }
  ? S
  : undefined;

/** What a route's handler is given: its params, query, body and headers, parsed with the route's own schemas. */
export interface RouteInput<C extends DocumentedRoute> {
  params: OutputOf<NonNullable<C['request']>['params']>;
  query: OutputOf<NonNullable<C['request']>['query']>;
  body: OutputOf<JsonBodyOf<C>>;
  headers: OutputOf<NonNullable<C['request']>['headers']>;
}

export type RouteHandler<C extends DocumentedRoute> = (
  input: RouteInput<C>,
  req: Request,
  res: Response,
) => void | Promise<void>;

export interface RouteOptions<C extends DocumentedRoute = DocumentedRoute> {
  /** Guards that run first, such as a bearer-token check. */
  guards?: RequestHandler[];
  /**
   * Checks of the parsed input that run before an Idempotency-Key is claimed, so that a refusal of
   * theirs (say, a proof of work still owed) is not kept as the key's answer for its retries.
   */
  checks?: ((input: RouteInput<C>, req: Request, res: Response) => Promise<void>)[];
  /** Honour an Idempotency-Key on this route (see idempotent); its endpoint is the route's method and path. */
  idempotency?: { db: Db } & IdempotencyOptions;
}

const zodOrUndefined = (schema: unknown): z.ZodType | undefined => (schema instanceof z.ZodType ? schema : undefined);
const jsonBodySchema = (config: DocumentedRoute): z.ZodType | undefined => {
  const media = config.request?.body?.content['application/json'];
  return media && 'schema' in media ? zodOrUndefined(media.schema) : undefined;
};

/**
 * A router whose routes are documented and validated by the same schemas: each route is registered
 * in the area's OpenAPI registry, and its params, query, body and headers are parsed with the zod
 * schemas of that registration before the handler runs, which gets them typed (a failure is 400
 * `validation-failed`). Behind any guard, and before parsing, every route refuses what no route
 * accepts (see guardInput); an idempotent route then honours its Idempotency-Key.
 */
export function documentedRouter(registry: OpenAPIRegistry) {
  const router = Router();
  function route<const C extends DocumentedRoute>(config: C, handler: RouteHandler<C>, options: RouteOptions<C> = {}) {
    registry.registerPath(config);
    const schemas = {
      params: zodOrUndefined(config.request?.params),
      query: zodOrUndefined(config.request?.query),
      body: jsonBodySchema(config),
      headers: zodOrUndefined(config.request?.headers),
    };
    const parsing: RequestHandler = (req, res, next) => {
      res.locals.input = {
        params: schemas.params?.parse(req.params),
        query: schemas.query?.parse(req.query),
        body: schemas.body?.parse(req.body),
        headers: schemas.headers?.parse(req.headers),
      };
      next();
    };
    const checking: RequestHandler = async (req, res, next) => {
      for (const check of options.checks ?? []) await check(res.locals.input as RouteInput<C>, req, res);
      next();
    };
    const handling: RequestHandler = (req, res) => handler(res.locals.input as RouteInput<C>, req, res);
    const { db, ...idempotency } = options.idempotency ?? {};
    const endpoint = `${config.method.toUpperCase()} ${config.path}`;
    const handlers = [
      ...(options.guards ?? []),
      guardInput,
      parsing,
      ...(options.checks ? [checking] : []),
      db ? idempotent(db, endpoint, handling, idempotency) : handling,
    ];
    const expressPath = config.path.replace(/\{(\w+)\}/g, ':$1');
    switch (config.method) {
      case 'get':
        router.get(expressPath, ...handlers);
        break;
      case 'post':
        router.post(expressPath, ...handlers);
        break;
      case 'put':
        router.put(expressPath, ...handlers);
        break;
      case 'patch':
        router.patch(expressPath, ...handlers);
        break;
      case 'delete':
        router.delete(expressPath, ...handlers);
        break;
      default:
        throw new Error(`documentedRouter does not mount ${config.method} routes`);
    }
  }
  return { router, route };
}

/** The security requirement of a route that needs a bearer token. */
export const bearerAuth = [{ bearerAuth: [] }];

export function buildOpenApiDocument(registries: OpenAPIRegistry[]) {
  const security = new OpenAPIRegistry();
  security.registerComponent('securitySchemes', 'bearerAuth', {
    type: 'http',
    scheme: 'bearer',
    description: 'ADMIN_TOKEN for catalogue changes and reports; STAFF_TOKEN or ADMIN_TOKEN for check-in',
  });
  const generator = new OpenApiGeneratorV3([security, ...registries].flatMap((registry) => registry.definitions));
  return generator.generateDocument({
    openapi: '3.0.3',
    info: {
      title: 'Hamro Concert API',
      version: '1.0.0',
      description:
        'Browse concerts, see seat maps and book seats. A seat is never sold twice: bookings lock their seats ' +
        'and are all-or-nothing. Errors are application/problem+json with a stable `code`.',
    },
  });
}
