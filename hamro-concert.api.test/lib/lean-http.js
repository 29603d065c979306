/**
 * A lean HTTP/1.1 client for load generators: one keep-alive connection that sends one request at a
 * time as bytes and reads back the status and body (by Content-Length; the API sends no chunked
 * answer to a write). On a machine whose cores the API and PostgreSQL share with the load generator,
 * Node's own HTTP client spends several times as much per request as this, which a benchmark would
 * otherwise take from the API. Loopback only, as every benchmark here.
 */
import net from 'node:net';

export function leanConnection(baseUrl) {
  const { hostname, port } = new URL(baseUrl);
  const host = `Host: ${hostname}:${port}\r\n`;
  let socket;
  let pending = Buffer.alloc(0);
  let answer;

  function open() {
    socket = net.connect(Number(port), hostname);
    socket.setNoDelay(true);
    socket.on('data', (chunk) => {
      pending = pending.length === 0 ? chunk : Buffer.concat([pending, chunk]);
      const headEnd = pending.indexOf('\r\n\r\n');
      if (headEnd < 0 || !answer) return;
      const head = pending.subarray(0, headEnd).toString('latin1');
      const length = Number(/\r\ncontent-length: *(\d+)/i.exec(head)?.[1] ?? 0);
      if (pending.length < headEnd + 4 + length) return;
      const body = pending.subarray(headEnd + 4, headEnd + 4 + length).toString('utf8');
      pending = pending.subarray(headEnd + 4 + length);
      const done = answer;
      answer = undefined;
      if (/\r\nconnection: *close/i.test(head)) socket.destroy();
      done.resolve({ status: Number(head.slice(9, 12)), body });
    });
    const fail = (error) => {
      socket = undefined;
      pending = Buffer.alloc(0);
      const done = answer;
      answer = undefined;
      done?.resolve({ status: 0, body: JSON.stringify({ code: error?.message ?? 'connection closed' }) });
    };
    socket.on('error', fail);
    socket.on('close', () => fail());
  }

  return {
    /** One request; resolves `{status, body, ms}` (status 0 when the connection failed). Never rejects. */
    request(method, path, body = '', headers = '') {
      if (!socket || socket.destroyed) open();
      const started = performance.now();
      return new Promise((resolve) => {
        answer = { resolve: (result) => resolve({ ...result, ms: performance.now() - started }) };
        socket.write(
          `${method} ${path} HTTP/1.1\r\n${host}${headers}Content-Type: application/json\r\n` +
            `Content-Length: ${Buffer.byteLength(body)}\r\n\r\n${body}`,
        );
      });
    },
    close: () => socket?.destroy(),
  };
}
