import { randomUUID } from 'node:crypto';
import { maxHeaderSize, STATUS_CODES, type Server, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { AppError, problemBody } from './errors.js';

/** What to answer; `headerLimit` is Node's (16 KB unless --max-http-header-size says otherwise). */
function answerFor(error: NodeJS.ErrnoException, headerLimit: number): AppError {
  switch (error.code) {
    case 'HPE_HEADER_OVERFLOW':
      return new AppError(431, 'headers-too-large', `The request's headers are larger than ${headerLimit} bytes.`, {
        limit: headerLimit,
      });
    case 'ERR_HTTP_REQUEST_TIMEOUT':
      return new AppError(408, 'request-timeout', 'The request was not sent in time.');
    default:
      return new AppError(400, 'bad-request', 'The request is not valid HTTP.');
  }
}

/**
 * Answers what Node's HTTP parser refuses before any route sees it (headers over its 16 KB limit,
 * malformed HTTP, a request sent too slowly) with a problem+json body like every other refusal,
 * not Node's bare status line, and closes the connection.
 */
export function answerClientErrors(server: Server): void {
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    // As Node does itself: never write into a connection whose answer has already begun.
    const inFlight = (socket as { _httpMessage?: ServerResponse | null })._httpMessage;
    if (error.code === 'ECONNRESET' || !socket.writable || inFlight?.headersSent) {
      socket.destroy();
      return;
    }
    const problem = answerFor(error, maxHeaderSize);
    const body = JSON.stringify(problemBody(problem, '', randomUUID()));
    socket.end(
      `HTTP/1.1 ${problem.status} ${STATUS_CODES[problem.status]}\r\n` +
        'Content-Type: application/problem+json\r\n' +
        `Content-Length: ${Buffer.byteLength(body)}\r\n` +
        'Connection: close\r\n\r\n' +
        body,
    );
  });
}
