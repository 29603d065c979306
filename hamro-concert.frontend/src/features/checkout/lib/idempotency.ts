import { useRef } from 'react';
import { ApiError } from '../../../lib/api-client';

function randomKey(): string {
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID();
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * One Idempotency-Key per attempt. The very same request sent again after the network failed
 * (so we cannot know whether it arrived) reuses its key; anything else gets a fresh one.
 */
export function useIdempotencyKey() {
  const last = useRef<{ key: string; body: string; unsure: boolean } | null>(null);
  return {
    keyFor(body: unknown): string {
      const text = JSON.stringify(body);
      if (last.current?.unsure && last.current.body === text) return last.current.key;
      last.current = { key: randomKey(), body: text, unsure: false };
      return last.current.key;
    },
    settled(error: unknown) {
      if (last.current) last.current.unsure = error instanceof ApiError && error.status === 0;
    },
  };
}
