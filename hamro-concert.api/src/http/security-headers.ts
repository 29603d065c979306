import type { ServerResponse } from 'node:http';
import type { Request, RequestHandler, Response } from 'express';
import helmet from 'helmet';

type Directives = Record<string, string[]>;

/**
 * What the web app needs, and nothing more: its own scripts, styles, fonts and the API on the same
 * origin (fetch and the live seat stream). React sets `style` through the DOM, which style-src
 * 'self' allows; QR codes are drawn as SVG elements. Images may also come over https, since an
 * organizer gives a concert's artwork as an address. No upgrade-insecure-requests: the product is
 * served on plain http://localhost:3000 too.
 */
const WEB_APP: Directives = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'https:'],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

/** Swagger UI at /docs writes inline `<style>` blocks and attributes and draws its icons as data: images. */
const DOCS: Directives = {
  ...WEB_APP,
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
};

/** A JSON (or metrics) answer is never a page: it may load nothing and be framed by no one. */
const API: Directives = { defaultSrc: ["'none'"], frameAncestors: ["'none'"] };

type Header = [name: string, value: string];

/**
 * The headers a helmet middleware sets, worked out once: every answer of a kind gets the same ones,
 * and setting a list is a good deal cheaper than running a dozen middlewares for each request.
 */
function headersOf(middleware: RequestHandler): Header[] {
  const headers = new Map<string, string>();
  const res = {
    setHeader: (name: string, value: unknown) => headers.set(name, String(value)),
    removeHeader: (name: string) => headers.delete(name),
    getHeader: (name: string) => headers.get(name),
  };
  middleware({ secure: true } as Request, res as unknown as Response, () => undefined);
  return [...headers];
}

const set = (res: ServerResponse, headers: readonly Header[]) => {
  for (const [name, value] of headers) res.setHeader(name, value);
};

const policy = (directives: Directives) =>
  headersOf(helmet.contentSecurityPolicy({ useDefaults: false, directives }) as RequestHandler);
const apiPolicy = policy(API);
const docsPolicy = policy(DOCS);

/** A browser only honours HSTS over https; on a loopback https proxy it would pin every localhost port. */
const LOOPBACK = /^(localhost|.+\.localhost|127(\.\d{1,3}){3}|\[::1\])$/i;

/**
 * The headers every answer carries (helmet's, with a policy per kind of answer): nosniff, no
 * referrer (page addresses carry booking references), no framing, HSTS for a year on a real host.
 * The web app's files get their own policy from `applyWebAppPolicy`.
 */
export function securityHeaders(): RequestHandler {
  const common = headersOf(
    helmet({
      contentSecurityPolicy: false,
      referrerPolicy: { policy: 'no-referrer' },
      xFrameOptions: { action: 'deny' },
      strictTransportSecurity: false,
    }) as RequestHandler,
  );
  const hsts = headersOf(helmet.strictTransportSecurity({ maxAge: 31_536_000, includeSubDomains: false }));
  return (req, res, next) => {
    set(res, common);
    if (!LOOPBACK.test(req.hostname ?? '')) set(res, hsts);
    set(res, req.path === '/docs' || req.path.startsWith('/docs/') ? docsPolicy : apiPolicy);
    next();
  };
}

/**
 * The web app's policy: the pages may post forms to this origin and to exactly the payment form hosts
 * given (eSewa's checkout is a form the buyer's browser posts), and nowhere else.
 */
export function webAppPolicy(formHosts: readonly string[] = []): (res: ServerResponse) => void {
  const headers = policy({ ...WEB_APP, formAction: ["'self'", ...formHosts] });
  return (res) => set(res, headers);
}
