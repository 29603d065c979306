import { i18n } from '../i18n/i18n';
import { ApiError } from './api-client';

/** 429 rate-limited: how long to wait, from the answer's Retry-After when it has one. */
export function rateLimited(retryAfterSeconds: number | null): string {
  const wait =
    retryAfterSeconds === null
      ? i18n.t('errors.wait.moment')
      : i18n.t('errors.wait.seconds', { count: Math.max(1, retryAfterSeconds) });
  return i18n.t('errors.rate-limited', { wait });
}

/** The codes worded in the catalogs' `errors` section; any other is worded by its status. */
const WORDED = [
  'network-error',
  'busy-try-again',
  'concert-not-found',
  'seat-not-found',
  'concert-is-over',
  'sales-not-open',
  'sales-closed',
  'admission-required',
  'one-hold-at-a-time',
  'validation-failed',
  'payment-provider-unavailable',
  'payment-method-not-offered',
  'booking-not-awaiting-payment',
  'unexpected-response',
] as const;

type WordedCode = (typeof WORDED)[number];

function isWorded(code: string): code is WordedCode {
  return (WORDED as readonly string[]).includes(code);
}

/** A failed request in words a visitor understands, in their language; the API's codes, never its raw messages. */
export function errorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return i18n.t('errors.unknown');
  if (error.code === 'rate-limited') return rateLimited(error.retryAfterSeconds);
  if (error.code !== undefined && isWorded(error.code)) return i18n.t(`errors.${error.code}`);
  return error.status >= 500 ? i18n.t('errors.server') : i18n.t('errors.refused');
}
