/**
 * Every `code` a problem answer of this API can carry. Clients branch on these, so the list is
 * closed: AppError takes only a ProblemCode, and /openapi.json publishes the list as the enum of
 * the problem's `code`. A new refusal starts here, and in the table of errors in docs/api.md.
 */
export const PROBLEM_CODES = [
  // 400: the request itself is wrong
  'validation-failed',
  'malformed-json',
  'malformed-path',
  'bad-request',
  'seats-span-concerts',
  'seat-not-in-concert',
  'tier-not-in-concert',
  'hold-mismatch',
  'payment-signature-invalid',
  // 401, 403: the bearer token
  'unauthorized',
  'forbidden',
  'admin-access-disabled',
  'staff-access-disabled',
  'admission-required',
  'proof-of-work-required',
  // 404
  'route-not-found',
  'concert-not-found',
  'ticket-tier-not-found',
  'seat-not-found',
  'hold-not-found',
  'booking-not-found',
  'ticket-not-found',
  'payment-not-found',
  // 408: the client sent its request too slowly
  'request-timeout',
  // 409: the current state refuses it
  'seat-already-booked',
  'seat-held',
  'concert-is-over',
  'sales-not-open',
  'sales-closed',
  'one-hold-at-a-time',
  'buyer-limit-reached',
  'hold-already-used',
  'booking-already-cancelled',
  'concert-already-started',
  'cancellation-closed',
  'idempotency-key-in-use',
  'not-enough-seats',
  'concert-has-bookings',
  'tier-exists',
  'total-below-sold',
  'tier-in-use',
  'ticket-already-used',
  'wrong-concert',
  'payment-method-not-offered',
  'booking-not-awaiting-payment',
  'booking-not-confirmed',
  'nothing-to-collect',
  'refund-not-due',
  'conflict',
  // 410
  'hold-expired',
  'hold-released',
  'ticket-cancelled',
  // 413, 415, 422, 429, 431
  'payload-too-large',
  'unsupported-encoding',
  'idempotency-key-reused',
  'rate-limited',
  'headers-too-large',
  // 500, 503
  'internal-error',
  'busy-try-again',
  'timeout',
  'not-ready',
  'too-many-subscribers',
  'payment-provider-unavailable',
] as const;

export type ProblemCode = (typeof PROBLEM_CODES)[number];
