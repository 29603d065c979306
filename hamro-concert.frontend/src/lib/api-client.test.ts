import { afterEach, describe, expect, it, vi } from 'vitest';
import { problem, stubFetch } from '../test/fetch-stub';
import { ApiError, apiCall } from './api-client';
import { errorMessage } from './error-message';

afterEach(() => vi.unstubAllGlobals());

async function failure(): Promise<ApiError> {
  const error: unknown = await apiCall('/holds', { method: 'POST', body: {} }).catch((caught: unknown) => caught);
  if (!(error instanceof ApiError)) throw new Error('expected the call to fail with an ApiError');
  return error;
}

describe('the problem code of a failed request', () => {
  it('is one of the codes the app knows when the API sends one', async () => {
    stubFetch(() => problem(409, 'seat-held'));
    const error = await failure();
    expect(error.code).toBe('seat-held');
    expect(error.status).toBe(409);
  });

  it('when a newer API sends a code this app does not know, it is undefined and the failure reads as any of its status', async () => {
    stubFetch(() => problem(409, 'seat-on-fire'));
    const refused = await failure();
    expect(refused.code).toBeUndefined();
    expect(refused.problem.code).toBe('seat-on-fire');
    expect(errorMessage(refused)).toBe('That did not work. Please try again.');

    stubFetch(() => problem(503, 'moon-in-retrograde'));
    const broken = await failure();
    expect(broken.code).toBeUndefined();
    expect(errorMessage(broken)).toBe('Something went wrong on our side. Please try again in a moment.');
  });

  it("is the app's own when the answer is no problem document, or there is no answer", async () => {
    stubFetch(() => ({ status: 502, body: 'Bad gateway' }));
    expect((await failure()).code).toBe('http-error');

    vi.stubGlobal('fetch', vi.fn().mockRejectedValue(new TypeError('Failed to fetch')));
    const offline = await failure();
    expect(offline.code).toBe('network-error');
    expect(offline.status).toBe(0);
  });
});
