import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_PATH_PREFIXES } from 'hamro-concert.contracts';
import { type TestApp, get, startTestApp } from './harness.js';

/** Paths the API answers outside its OpenAPI document. */
const UNDOCUMENTED = ['/docs', '/docs/', '/openapi.json', '/health', '/health/live', '/health/ready', '/metrics'];
const METRICS = 'metrics-token-paths-0123456789abcdef';

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp({ metricsToken: METRICS });
});
afterAll(() => app.close());

const prefixOf = (urlPath: string) => urlPath.split('/')[1] ?? '';

describe("the API's path prefixes (what the web app's dev server forwards)", () => {
  it('when a route is documented, then its path starts with one of the listed prefixes', async () => {
    const { body } = await get(app, '/openapi.json');
    const paths = Object.keys(body.paths as Record<string, unknown>);
    expect(paths.length).toBeGreaterThan(10);
    const unlisted = [...paths, ...UNDOCUMENTED].filter(
      (urlPath) => !(API_PATH_PREFIXES as readonly string[]).includes(prefixOf(urlPath)),
    );
    expect(unlisted).toEqual([]);
  });

  it('when a path outside the document is listed, then the API really answers it', async () => {
    for (const urlPath of UNDOCUMENTED) {
      const response = await get(app, urlPath, { Authorization: `Bearer ${METRICS}` });
      expect(response.status, urlPath).toBe(200);
    }
  });

  it('when a prefix is listed, then some route uses it', async () => {
    const { body } = await get(app, '/openapi.json');
    const used = new Set([...Object.keys(body.paths as Record<string, unknown>), ...UNDOCUMENTED].map(prefixOf));
    expect(API_PATH_PREFIXES.filter((prefix) => !used.has(prefix))).toEqual([]);
  });
});
