import type { ServerResponse } from 'node:http';
import path from 'node:path';
import express, { type Request, type RequestHandler, type Response } from 'express';
import { webAppPolicy } from './security-headers.js';

/** Vite's build output: `assets/<name>-<content hash>.<ext>`; a new build gives a changed file a new name. */
const FINGERPRINTED = /^assets\/.+-[\w-]{6,}\.[a-z0-9]+$/i;

/**
 * How long a browser or a CDN may keep one of the app's files: a fingerprinted asset for a year,
 * unchanged; index.html only after asking again (it names the current assets); anything else in the
 * folder's root (favicon, artwork) for a short while, since it keeps its name across releases.
 */
export function cacheControlFor(relativePath: string): string {
  if (relativePath === 'index.html') return 'no-cache';
  if (FINGERPRINTED.test(relativePath)) return 'public, max-age=31536000, immutable';
  return 'public, max-age=300';
}

/**
 * Serves the web app's files, index.html at `/`, and index.html to a browser navigating to one of the
 * app's routes. API clients (Accept: application/json) still get a problem+json 404 for unknown paths.
 * Everything served from here carries the web app's Content-Security-Policy. A browser opening a page
 * is `welcome`d first (given a session), so that the app's first calls all carry the same one.
 */
export function webApp(
  dir: string,
  welcome: (req: Request, res: Response) => Promise<void> = async () => {},
  applyWebAppPolicy: (res: ServerResponse) => void = webAppPolicy(),
  /** API paths the page opened by `req` asks for first: named in a preload hint, they start with the script. */
  preloadsFor: (req: Request) => string[] = () => [],
): RequestHandler {
  const files = express.static(dir, {
    index: false,
    cacheControl: false,
    setHeaders: (res: ServerResponse, file: string) => {
      applyWebAppPolicy(res);
      res.setHeader('Cache-Control', cacheControlFor(path.relative(dir, file).split(path.sep).join('/')));
    },
  });
  const indexHtml = path.join(dir, 'index.html');
  return (req, res, next) => {
    files(req, res, () => {
      const wantsPage =
        (req.method === 'GET' || req.method === 'HEAD') &&
        (req.path === '/' || req.accepts(['json', 'html']) === 'html');
      if (!wantsPage || path.extname(req.path) !== '') {
        next();
        return;
      }
      applyWebAppPolicy(res);
      res.set('Cache-Control', cacheControlFor('index.html'));
      const preloads = preloadsFor(req);
      // As the app's own fetch asks: with credentials (its session cookie), or the browser would not reuse it.
      if (preloads.length > 0)
        res.set(
          'Link',
          preloads.map((url) => `<${url}>; rel=preload; as=fetch; crossorigin=use-credentials`).join(', '),
        );
      welcome(req, res).then(
        () => res.sendFile(indexHtml, (error) => error && next(error)),
        (error: unknown) => next(error),
      );
    });
  };
}
