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
