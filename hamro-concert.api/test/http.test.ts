import type { AddressInfo } from 'node:net';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../src/app.js';
import { connectDatabase } from '../src/db/client.js';
import { type TestApp, get, request, startTestApp } from './harness.js';
import { inject } from 'vitest';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

interface Layer {
  route?: { path: string; methods: Record<string, boolean> };
  handle?: { stack?: Layer[] };
}

function mountedRoutes(layers: Layer[]): string[] {
  return layers.flatMap((layer) => {
    if (layer.route) {
      return Object.keys(layer.route.methods).map(
        (method) => `${method} ${layer.route!.path.replace(/:(\w+)/g, '{$1}')}`,
      );
    }
    return layer.handle?.stack ? mountedRoutes(layer.handle.stack) : [];
  });
}

describe('the HTTP surface', () => {
  it('when a route does not exist, then it answers a problem+json 404', async () => {
    const response = await get(app, '/no/such/route');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.body).toMatchObject({
      status: 404,
      code: 'route-not-found',
      title: 'Not Found',
      instance: '/no/such/route',
    });
    expect(response.body.type).toContain('route-not-found');
    expect(response.body.requestId).toBe(response.headers.get('x-request-id'));
  });

  it('when the server fails unexpectedly, then it answers 500 with a request id and no internals', async () => {
    const database = connectDatabase(inject('databaseUrl'), { poolSize: 1 });
    await database.close(); // every query now fails inside the app
    const lines: string[] = [];
    const logger = pino({ level: 'error' }, { write: (line: string) => lines.push(line) });
    const broken = createApp({ db: database.db, inventories: app.inventories, logger });
    const server = broken.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      const response = await fetch(`http://127.0.0.1:${port}/concerts`, { headers: { 'x-request-id': 'trace-123' } });
      const body = (await response.json()) as any;
      expect(response.status).toBe(500);
      expect(body).toMatchObject({ status: 500, code: 'internal-error', requestId: 'trace-123' });
      expect(body.detail).toContain('trace-123');
      expect(JSON.stringify(body)).not.toMatch(/pool|stack|\bat\s/i);
      expect(lines.join('')).toContain('trace-123');
      expect(lines.join('')).toContain('stack');
    } finally {
      server.close();
    }
  });

  it('when the OpenAPI document is generated, then every mounted route is in it with its success and error responses', async () => {
    const response = await get(app, '/openapi.json');
    expect(response.status).toBe(200);
    const document = response.body;
    expect(document.openapi).toMatch(/^3\./);

    const probe = createApp({
      db: app.database.db,
      inventories: app.inventories,
      logger: pino({ level: 'silent' }),
    });
    const routes = mountedRoutes((probe as unknown as { router: { stack: Layer[] } }).router.stack).filter(
      (route) => !['get /openapi.json', 'get /health'].includes(route),
    );
    expect(routes.length).toBeGreaterThanOrEqual(8);
    for (const route of routes) {
      const [method, path] = route.split(' ') as [string, string];
      const operation = document.paths[path]?.[method];
      expect(operation, `${route} is missing from /openapi.json`).toBeDefined();
      const statuses = Object.keys(operation.responses);
      expect(
        // A payment provider's return answers 303 to the web app's payment page.
        statuses.some((s) => s.startsWith('2') || s === '303'),
        `${route} documents no success response`,
      ).toBe(true);
      expect(statuses, `${route} documents no 500`).toContain('500');
    }
    expect(Object.keys(document.paths['/ticket-bookings/seats'].post.responses)).toEqual(
      expect.arrayContaining(['201', '400', '404', '409', '413']),
    );
    expect(document.components.schemas.Booking).toBeDefined();
  });

  it('when a browser opens /docs, then Swagger UI is served', async () => {
    const response = await fetch(`${app.baseUrl}/docs/`);
    expect(response.status).toBe(200);
    expect(await response.text()).toContain('swagger-ui');
  });

  it('when a client sends a non-JSON content type, then the body is rejected as invalid, not crashed on', async () => {
    const response = await request(app, 'POST', '/ticket-bookings/seats', 'userName=x', {
      'content-type': 'text/plain',
    });
    expect(response.status).toBe(400);
    expect(response.body.code).toBe('validation-failed');
  });
});

describe('serving the web app', () => {
  it('when the app is built, then / and app routes get index.html while unknown API paths stay problem+json', async () => {
    const fs = await import('node:fs');
    const os = await import('node:os');
    const path = await import('node:path');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hamro-webapp-'));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><title>Hamro Concert</title>');
    fs.writeFileSync(path.join(dir, 'app.js'), 'console.log(1)');
    const web = createApp({
      db: app.database.db,
      inventories: app.inventories,
      logger: pino({ level: 'silent' }),
      webAppDir: dir,
    });
    const server = web.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      const root = await fetch(`${base}/`);
      expect(root.headers.get('content-type')).toMatch(/text\/html/);
      expect(await root.text()).toContain('Hamro Concert');
      const page = await fetch(`${base}/concert/some-id`, { headers: { accept: 'text/html' } });
      expect(page.status).toBe(200);
      expect((await fetch(`${base}/app.js`)).status).toBe(200);
      const api = await fetch(`${base}/no/such/thing`, { headers: { accept: 'application/json' } });
      expect(api.status).toBe(404);
      expect(api.headers.get('content-type')).toMatch(/problem\+json/);
      expect((await fetch(`${base}/concerts?page=1`)).headers.get('content-type')).toMatch(/application\/json/);
    } finally {
      server.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
