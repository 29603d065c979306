import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { API_PATH_PREFIXES } from 'hamro-concert.contracts';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { browserForFile, openPage } from './support/browser';

const apiUrl = inject('baseUrl');
const adminToken = inject('adminToken');
const frontendDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const browser = browserForFile();

let vite: ViteDevServer;
let devUrl: string;
let cacheDir: string;

/**
 * `npm run dev` as a developer runs it: Vite's dev server with the project's own config, its proxy
 * pointed at the real API through API_PROXY_TARGET. Its own cache folder, so it never shares
 * node_modules/.vite with a dev server someone else is running.
 */
beforeAll(async () => {
  cacheDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hamro-vite-'));
  const before = process.env.API_PROXY_TARGET;
  process.env.API_PROXY_TARGET = apiUrl;
  try {
    vite = await createServer({
      root: frontendDir,
      configFile: path.join(frontendDir, 'vite.config.ts'),
      cacheDir,
      logLevel: 'silent',
      server: { host: '127.0.0.1', port: 0, watch: null },
    });
    await vite.listen();
  } finally {
    if (before === undefined) delete process.env.API_PROXY_TARGET;
    else process.env.API_PROXY_TARGET = before;
  }
  const { port } = vite.httpServer!.address() as AddressInfo;
  devUrl = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await vite?.close();
  if (cacheDir) fs.rmSync(cacheDir, { recursive: true, force: true });
});

const json = { Accept: 'application/json' };
const html = { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' };

describe('npm run dev: the dev server forwards the API and serves the app', () => {
  it('when the organizer or the door checks a token, then /access reaches the API and answers 401, 403 or 204', async () => {
    const none = await fetch(`${devUrl}/access/admin`, { headers: json });
    expect(none.status).toBe(401);
    expect(none.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    const wrong = await fetch(`${devUrl}/access/staff`, {
      headers: { ...json, Authorization: 'Bearer not-the-token' },
    });
    expect(wrong.status).toBe(403);
    expect(((await wrong.json()) as { code: string }).code).toBeTruthy();
    const right = await fetch(`${devUrl}/access/admin`, { headers: { Authorization: `Bearer ${adminToken}` } });
    expect(right.status).toBe(204);
  });

  it('when the catalogue is read through the dev server, then it is the API’s JSON', async () => {
    const response = await fetch(`${devUrl}/concerts?page=1&limit=5`, { headers: json });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^application\/json/);
    const page = (await response.json()) as { data: { title: string }[] };
    expect(page.data.map((concert) => concert.title)).toContain('Himalayan Echoes');
  });

  it('when any prefix the API lists is asked for, then the dev server answers as the API does', async () => {
    for (const prefix of API_PATH_PREFIXES) {
      const ask = (origin: string) => fetch(`${origin}/${prefix}`, { headers: json, redirect: 'manual' });
      const [direct, proxied] = await Promise.all([ask(apiUrl), ask(devUrl)]);
      expect(proxied.status, prefix).toBe(direct.status);
      expect(proxied.headers.get('content-type'), prefix).toBe(direct.headers.get('content-type'));
    }
  });

  it('when a browser opens the app or one of its routes, then Vite serves its own index.html', async () => {
    for (const route of ['/', '/organizer', '/door', '/find-booking', '/concert/some-id']) {
      const response = await fetch(`${devUrl}${route}`, { headers: html });
      expect(response.status, route).toBe(200);
      const body = await response.text();
      expect(body, route).toContain('<div id="root"></div>');
      expect(body, route).toContain('/src/main.tsx');
    }
  });

  it('when the organizer signs in on /organizer in development, then the form opens', async () => {
    const page = await openPage(browser());
    await page.goto(`${devUrl}/organizer`);
    await page.getByLabel('Admin token').fill(adminToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByLabel('Title').waitFor();
  });
});
