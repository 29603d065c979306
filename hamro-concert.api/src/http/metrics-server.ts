import { createServer, type Server } from 'node:http';

/**
 * A listener of its own for METRICS_PORT that answers only `GET /metrics`, so the figures are not on
 * the public port at all.
 */
export async function serveMetrics(
  port: number,
  host: string,
  read: () => Promise<{ contentType: string; text: string }>,
): Promise<Server> {
  const server = createServer((req, res) => {
    if (req.method !== 'GET' || req.url?.split('?')[0] !== '/metrics') {
      res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Only GET /metrics is served here.\n');
      return;
    }
    read().then(
      ({ contentType, text }) => res.writeHead(200, { 'Content-Type': contentType }).end(text),
      () => res.writeHead(503, { 'Content-Type': 'text/plain' }).end('The metrics could not be gathered.\n'),
    );
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return server;
}
