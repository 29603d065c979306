import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type TestApp, get, startTestApp } from './harness.js';
import { concertListPath } from 'hamro-concert.contracts';

const ASSET = '/assets/index-abc123.js';
const INDEX_HTML =
  '<!doctype html><title>Hamro Concert</title><script type="module" src="/assets/index-abc123.js"></script>';

let app: TestApp;
let webAppDir: string;
beforeAll(async () => {
  webAppDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hamro-web-app-'));
  fs.mkdirSync(path.join(webAppDir, 'assets'));
  fs.writeFileSync(path.join(webAppDir, 'index.html'), INDEX_HTML);
  fs.writeFileSync(path.join(webAppDir, ASSET), 'console.log("hamro");\n');
  fs.writeFileSync(path.join(webAppDir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
  app = await startTestApp({ webAppDir });
});
afterAll(async () => {
  await app.close();
  fs.rmSync(webAppDir, { recursive: true, force: true });
});

const page = (urlPath: string) => get(app, urlPath, { Accept: 'text/html,application/xhtml+xml,*/*;q=0.8' });

/** The directives of a Content-Security-Policy header, by name. */
function directives(header: string | null): Record<string, string> {
  expect(header).toBeTruthy();
  return Object.fromEntries(
    header!.split(';').map((part) => {
      const [name = '', ...values] = part.trim().split(/\s+/);
      return [name, values.join(' ')];
    }),
  );
}

/** A GET with a Host header of the test's choosing (fetch sends the address it connects to). */
function getWithHost(urlPath: string, host: string): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const request = http.get(`${app.baseUrl}${urlPath}`, { headers: { Host: host } }, (response) => {
      response.resume();
      resolve(response);
    });
    request.on('error', reject);
  });
}

describe('security headers', () => {
  it('when the API answers JSON, then it may load nothing, be framed by no one, or be sniffed as another type', async () => {
    const response = await get(app, '/concerts');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    expect(response.headers.get('x-powered-by')).toBeNull();
  });

  it('when a problem answers a request, then it carries the same strict policy', async () => {
    const response = await get(app, '/assets/missing-abc123.js');
    expect(response.status).toBe(404);
    expect(response.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(response.headers.get('content-security-policy')).toBe("default-src 'none';frame-ancestors 'none'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('when the web app is served, then its policy allows only its own scripts, styles and API', async () => {
    const response = await page('/');
    expect(response.status).toBe(200);
    expect(response.body).toBe(INDEX_HTML);
    const csp = directives(response.headers.get('content-security-policy'));
    expect(csp).toMatchObject({
      'default-src': "'self'",
      'script-src': "'self'",
      'script-src-attr': "'none'",
      'style-src': "'self'",
      'connect-src': "'self'",
      'object-src': "'none'",
      'base-uri': "'self'",
      // Forms post to this origin and to eSewa's checkout (the test merchant's, here), nowhere else.
      'form-action': "'self' https://rc-epay.esewa.com.np",
      'frame-ancestors': "'none'",
    });
    expect(csp['img-src']?.split(' ')).toEqual(expect.arrayContaining(["'self'", 'https:']));
    expect(Object.values(csp).join(' ')).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
    expect(csp).not.toHaveProperty('upgrade-insecure-requests');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
  });

  it('when /docs is served, then Swagger UI may use inline styles and data: icons, but still only its own scripts', async () => {
    const response = await page('/docs/');
    expect(response.status).toBe(200);
    expect(response.body).toContain('swagger-ui');
    const csp = directives(response.headers.get('content-security-policy'));
    expect(csp['script-src']).toBe("'self'");
    expect(csp['style-src']).toBe("'self' 'unsafe-inline'");
    expect(csp['img-src']).toBe("'self' data:");
    expect(csp['frame-ancestors']).toBe("'none'");
    expect(csp).not.toHaveProperty('upgrade-insecure-requests');
  });

  it('when a request reaches a real host name, then it gets HSTS for a year; on localhost it does not', async () => {
    const remote = await getWithHost('/health', 'tickets.example.com');
    expect(remote.headers['strict-transport-security']).toBe('max-age=31536000');
    for (const host of ['localhost:3000', '127.0.0.1:3000', '[::1]:3000']) {
      const local = await getWithHost('/health', host);
      expect(local.headers['strict-transport-security']).toBeUndefined();
    }
  });
});

describe('caching of the web app', () => {
  it('when a fingerprinted asset is served, then it may be kept for a year unchanged', async () => {
    const response = await get(app, ASSET);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/javascript/);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(directives(response.headers.get('content-security-policy'))['script-src']).toBe("'self'");
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('when index.html is served, at / for an app route or by name, then the browser asks again each time', async () => {
    for (const urlPath of ['/', '/concert/some-id', '/organizer', '/index.html']) {
      const response = await page(urlPath);
      expect(response.status, urlPath).toBe(200);
      expect(response.body, urlPath).toBe(INDEX_HTML);
      expect(response.headers.get('cache-control'), urlPath).toBe('no-cache');
      expect(response.headers.get('etag') ?? response.headers.get('last-modified'), urlPath).toBeTruthy();
    }
  });

  it('when the home page is served, then it names its page of concerts as a preload, exactly as the app asks for it', async () => {
    const home = await page('/');
    expect(home.headers.get('link')).toBe(
      `<${concertListPath(1)}>; rel=preload; as=fetch; crossorigin=use-credentials`,
    );
    expect(concertListPath(1)).toBe('/concerts?page=1&limit=9');
    expect((await page('/?page=3')).headers.get('link')).toContain(`<${concertListPath(3)}>`);
    // The hint names only what the page asks for: nothing for a page number that is not one, or another page.
    expect((await page('/?page=abc')).headers.get('link')).toBeNull();
    expect((await page('/find-booking')).headers.get('link')).toBeNull();
    // The preloaded path answers the list the app shows.
    const list = await get(app, concertListPath(1));
    expect(list.status).toBe(200);
    expect(list.body.limit).toBe(9);
  });

  it('when a file that keeps its name is served, then it is cached only briefly', async () => {
    const response = await get(app, '/favicon.svg');
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=300');
  });
});
