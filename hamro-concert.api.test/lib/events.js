/** Reads a concert's live seat stream (GET /concerts/:id/seats/events) over real HTTP, event by event. */
export async function openSeatStream(baseUrl, concertId, headers = {}) {
  const controller = new AbortController();
  const response = await fetch(`${baseUrl}/concerts/${concertId}/seats/events`, { headers, signal: controller.signal });
  const events = [];
  /** The `retry:` hints the server sent, in milliseconds; a server that shuts down sends a short one last. */
  const retryHints = [];
  const listeners = new Set();
  let markEnded;
  let markGone;
  let closedByCaller = false;
  /** Resolves when the server ends the stream (not when the caller closes it). */
  const ended = new Promise((resolve) => (markEnded = resolve));
  /** Resolves when the stream stops for any reason but the caller's: ended, or cut (its instance died). */
  const gone = new Promise((resolve) => (markGone = resolve));
  void ended.then(() => markGone(true));
  if (response.ok) {
    void (async () => {
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      let buffer = '';
      try {
        for (;;) {
          const { value, done } = await reader.read();
          if (done) {
            markEnded(true);
            return;
          }
          buffer += value;
          for (let end = buffer.indexOf('\n\n'); end >= 0; end = buffer.indexOf('\n\n')) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const fields = new Map();
            for (const line of block.split('\n')) {
              const colon = line.indexOf(':');
              if (colon > 0) fields.set(line.slice(0, colon), line.slice(colon + 1).trim());
            }
            if (fields.has('retry')) retryHints.push(Number(fields.get('retry')));
            if (!fields.has('event')) continue;
            const event = {
              id: fields.get('id'),
              event: fields.get('event'),
              data: JSON.parse(fields.get('data')),
              at: performance.now(),
            };
            events.push(event);
            for (const listener of listeners) listener(event);
          }
        }
      } catch {
        // Closed by the caller, or cut: the connection broke under it.
        if (!closedByCaller) markGone(true);
      }
    })();
  }
  return {
    response,
    events,
    retryHints,
    ended,
    gone,
    /** Calls `listener` with every event from now on; returns the unsubscribe. */
    onEvent(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    /** Resolves with the time the stream first told of `seatId` in `status`, or rejects after `timeoutMs`. */
    waitFor(seatId, status, timeoutMs = 5000) {
      const seen = (event) =>
        event.event === 'seats' && event.data.changes.some((c) => c.id === seatId && c.status === status);
      const past = events.find(seen);
      if (past) return Promise.resolve(past.at);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          listeners.delete(check);
          reject(new Error(`no ${status} event for seat ${seatId} within ${timeoutMs} ms`));
        }, timeoutMs);
        const check = (event) => {
          if (!seen(event)) return;
          clearTimeout(timer);
          listeners.delete(check);
          resolve(event.at);
        };
        listeners.add(check);
      });
    },
    close: () => {
      closedByCaller = true;
      controller.abort();
    },
  };
}
