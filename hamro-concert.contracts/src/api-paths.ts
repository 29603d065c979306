/**
 * The first segment of every path the API answers. The web app's development server forwards
 * exactly these to the API, so a route under a new prefix must be added here; a test fails until
 * it is. The web app's own routes (`/concert/:id`, `/find-booking`, `/payment`, `/organizer`, `/door`) use none.
 */
export const API_PATH_PREFIXES = [
  'access',
  'admin',
  'bookings',
  'check-in',
  'concerts',
  'holds',
  'payments',
  'seats',
  'ticket-bookings',
  'ticket-tiers',
  'docs',
  'openapi.json',
  'health',
  'metrics',
] as const;

/** Concerts on one page of the home page's list. */
export const CONCERTS_PER_PAGE = 9;

/**
 * The API path of one page of the home page's concert list, exactly as the web app asks for it: the
 * server names it in a preload hint when it serves the home page, so the list is on its way while the
 * app's script still loads. A preload is used only if the app's request matches it to the byte.
 */
export function concertListPath(page: number, limit = CONCERTS_PER_PAGE): string {
  // Whole numbers need no escaping; the contracts run where no URL classes are declared.
  return `/concerts?page=${String(Math.trunc(page))}&limit=${String(Math.trunc(limit))}`;
}
