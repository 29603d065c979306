import { hashKey, useQueryClient } from '@tanstack/react-query';
import { seatChangesEventSchema, seatRefetchEventSchema, type SeatMap, type SeatStatus } from 'hamro-concert.contracts';
import { useEffect, useRef, useState } from 'react';
import { apiUrl } from '../../../lib/api-client';
import { applySeatChanges } from '../lib/seat-changes';
import { seatMapQueryOptions } from './get-seat-map';

/** A stream refused for good (say, 503 at its cap) is tried again after this long; the map is polled meanwhile. */
const RETRY_STREAM_MS = 30_000;
/**
 * Changes heard are laid again over a map fetched this soon after them: a stadium's map may trail
 * the newest change by a fraction of a second, and the stream has already told us what it lacks.
 */
const REAPPLY_MS = 5_000;

function parse<T>(schema: { safeParse: (value: unknown) => { success: boolean; data?: T } }, text: string): T | null {
  try {
    const result = schema.safeParse(JSON.parse(text));
    return result.success ? (result.data ?? null) : null;
  } catch {
    return null;
  }
}

/**
 * Follows a concert's live seat stream (GET /concerts/:id/seats/events) and patches the seat map in
 * the query cache with each batch of changes, without fetching the whole map again. EventSource
 * reconnects by itself with Last-Event-ID; `live` is false while the stream is down, and the caller
 * polls the map meanwhile. `onPatched` hears every patched map (to freshen other views of it).
 */
export function useSeatMapStream(concertId: string, onPatched?: (map: SeatMap) => void): { live: boolean } {
  const queryClient = useQueryClient();
  const [live, setLive] = useState(false);
  const patched = useRef(onPatched);
  useEffect(() => {
    patched.current = onPatched;
  });

  useEffect(() => {
    if (typeof EventSource === 'undefined') return;
    const queryKey = seatMapQueryOptions(concertId).queryKey;
    const hash = hashKey(queryKey);
    /** What the stream said lately, newest last: laid over any map fetched meanwhile. */
    const recent = new Map<number, { status: SeatStatus; at: number }>();
    let source: EventSource | undefined;
    let retry: ReturnType<typeof setTimeout> | undefined;

    const patch = (changes: Map<number, SeatStatus>) => {
      const before = queryClient.getQueryData(queryKey);
      if (!before) return;
      const after = applySeatChanges(before, changes);
      if (after === before) return;
      queryClient.setQueryData(queryKey, after);
      patched.current?.(after);
    };

    const hear = (event: MessageEvent<string>) => {
      const data = parse(seatChangesEventSchema, event.data);
      if (!data) return;
      const now = Date.now();
      const changes = new Map<number, SeatStatus>();
      for (const change of data.changes) {
        changes.set(change.id, change.status);
        recent.delete(change.id);
        recent.set(change.id, { status: change.status, at: now });
      }
      for (const [id, entry] of recent) {
        if (entry.at > now - REAPPLY_MS) break;
        recent.delete(id);
      }
      patch(changes);
    };

    // A map fetched from the server (not one of our patches) gets the recent changes laid over it.
    const unsubscribe = queryClient.getQueryCache().subscribe((event) => {
      if (event.type !== 'updated' || event.action.type !== 'success' || event.action.manual) return;
      if (event.query.queryHash !== hash) return;
      const since = Date.now() - REAPPLY_MS;
      const changes = new Map<number, SeatStatus>();
      for (const [id, entry] of recent) if (entry.at > since) changes.set(id, entry.status);
      patch(changes);
    });

    const connect = () => {
      source = new EventSource(apiUrl(`/concerts/${encodeURIComponent(concertId)}/seats/events`));
      source.addEventListener('open', () => setLive(true));
      source.addEventListener('ready', hear);
      source.addEventListener('seats', hear);
      source.addEventListener('refetch', (event: MessageEvent<string>) => {
        if (!parse(seatRefetchEventSchema, event.data)) return;
        recent.clear();
        void queryClient.invalidateQueries({ queryKey });
      });
      source.addEventListener('error', () => {
        setLive(false);
        // CONNECTING: the browser is already reconnecting, with Last-Event-ID. CLOSED: it gave up.
        if (source?.readyState === EventSource.CLOSED) retry = setTimeout(connect, RETRY_STREAM_MS);
      });
    };
    connect();
    return () => {
      clearTimeout(retry);
      source?.close();
      unsubscribe();
      setLive(false);
    };
  }, [concertId, queryClient]);

  return { live };
}
