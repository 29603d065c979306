import { OpenAPIRegistry, OpenApiGeneratorV3, type RouteConfig } from '@asteasolutions/zod-to-openapi';
import { Router, type RequestHandler } from 'express';
import { problemSchema } from 'hamro-concert.contracts';
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
  429: 'Too many requests from this client address or pass; retry after the Retry-After header',
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

/**
 * A router whose routes are documented as they are mounted: each route is registered in the area's
 * OpenAPI registry from the same zod schemas its handler parses with. Behind any guard (a token
 * check), and before the handler, every route refuses what no route accepts (see guardInput).
 */
export function documentedRouter(registry: OpenAPIRegistry) {
  const router = Router();
  function route(config: DocumentedRoute, ...mounted: [...RequestHandler[], RequestHandler]) {
    registry.registerPath(config);
    const expressPath = config.path.replace(/\{(\w+)\}/g, ':$1');
    const handlers = [...mounted.slice(0, -1), guardInput, mounted.at(-1)!];
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
