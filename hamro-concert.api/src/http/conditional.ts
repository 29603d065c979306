import type { Request } from 'express';

/**
 * RFC 9110 If-None-Match with weak comparison. Unlike `req.fresh`, a request's `Cache-Control:
 * no-cache` does not defeat it: that directive is for caches, and fetch() adds it to every
 * request that carries If-None-Match.
 */
export function matchesIfNoneMatch(req: Request, etag: string): boolean {
  const header = req.get('if-none-match');
  if (!header) return false;
  const opaque = etag.replace(/^W\//, '');
  return header.split(',').some((token) => {
    const candidate = token.trim();
    return candidate === '*' || candidate.replace(/^W\//, '') === opaque;
  });
}
