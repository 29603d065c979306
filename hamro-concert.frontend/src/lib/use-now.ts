import { useEffect, useRef, useState } from 'react';

/** Browsers run a longer timeout at once; a later moment is reached in steps of this. */
const LONGEST_TIMEOUT_MS = 2_147_483_647;

/**
 * The time now, read again by a timer at each instant `nextChange(now)` names (null: never): the
 * moments what the caller shows changes, such as a sales window opening or a countdown moving on.
 * Nothing is fetched; the component renders again with the new time.
 */
export function useNow(nextChange: (now: number) => number | null): number {
  const [now, setNow] = useState(() => Date.now());
  const next = useRef(nextChange);
  useEffect(() => {
    next.current = nextChange;
  });
  const at = nextChange(now);

  useEffect(() => {
    let timer: number | undefined;
    // Each timer sets the next one itself, so the clock keeps going even between renders.
    const wakeAt = (instant: number | null) => {
      if (instant === null) return;
      const delay = Math.min(LONGEST_TIMEOUT_MS, Math.max(0, instant - Date.now()));
      timer = window.setTimeout(() => {
        const current = Date.now();
        setNow(current);
        wakeAt(next.current(current));
      }, delay);
    };
    wakeAt(at);
    return () => window.clearTimeout(timer);
  }, [at]);
  return now;
}
