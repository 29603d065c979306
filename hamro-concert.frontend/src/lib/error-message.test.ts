import type { Problem } from 'hamro-concert.contracts';
import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { errorMessage } from './error-message';

function apiError(status: number, code: string, retryAfterSeconds: number | null = null) {
  const problem: Problem = {
    type: 'about:blank',
    title: code,
    status,
    detail: code,
    code,
    instance: '',
    requestId: '',
  };
  return new ApiError(status, problem, retryAfterSeconds);
}

describe('error messages of the on-sale limits', () => {
  it('a 429 says how many seconds to wait, from Retry-After', () => {
    expect(errorMessage(apiError(429, 'rate-limited', 12))).toBe(
      'Too many requests from this browser just now. Please wait 12 seconds, then try again.',
    );
    expect(errorMessage(apiError(429, 'rate-limited', 1))).toContain('Please wait a second,');
    expect(errorMessage(apiError(429, 'rate-limited'))).toContain('Please wait a moment,');
  });

  it('a missing admission pass leads back to the waiting room', () => {
    expect(errorMessage(apiError(403, 'admission-required'))).toContain('We have taken you back to the waiting room.');
  });

  it('a second hold asks to book or give back the first', () => {
    expect(errorMessage(apiError(409, 'one-hold-at-a-time'))).toContain('You already hold other seats');
  });
});
