import type { Server } from 'node:http';

/**
 * Stops a server the way a load balancer expects: no new connections, requests in flight run to
 * their answer, connections close as soon as they are idle (their answers already say
 * `Connection: close`). Resolves true once every connection is gone, or false after `timeoutMs`, when
 * whatever is left is cut.
 */
export async function drainServer(server: Server, timeoutMs: number): Promise<boolean> {
  const closed = new Promise<boolean>((resolve) => server.close(() => resolve(true)));
  server.closeIdleConnections();
  // A connection whose request was in flight is idle once it is answered; close it then.
  const sweeper = setInterval(() => server.closeIdleConnections(), 50);
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<boolean>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs);
  });
  const drained = await Promise.race([closed, timedOut]);
  clearInterval(sweeper);
  clearTimeout(timer);
  if (!drained) server.closeAllConnections();
  return drained;
}
