import { pino, stdSerializers, type DestinationStream, type Logger } from 'pino';

/** Keys whose values may carry a buyer's data: the driver's bound parameters and PostgreSQL's row details. */
const PRIVATE_KEYS = new Set(['params', 'parameters', 'detail', 'where', 'body', 'query', 'headers']);
/** The query builder's errors end their message with the statement's parameters: emails, names, codes. */
const PARAMS_IN_MESSAGE = /\nparams: [\s\S]*?(?=\n {4}at |\ncaused by: |$)/g;
/** PostgreSQL quotes the value it refused after a colon: `invalid input syntax for type integer: "…"`. */
const QUOTED_VALUE = /: "[^"]*"/g;

/** A serialized error with everything that may carry a buyer's data taken out, at any depth of `cause`. */
function withoutPrivateData(value: unknown, depth = 0): unknown {
  if (typeof value === 'string')
    return value.replace(PARAMS_IN_MESSAGE, '\nparams: [redacted]').replace(QUOTED_VALUE, ': "[redacted]"');
  if (!value || typeof value !== 'object' || depth > 5) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, inner] of Object.entries(value)) {
    copy[key] = PRIVATE_KEYS.has(key) ? '[redacted]' : withoutPrivateData(inner, depth + 1);
  }
  return copy;
}

/** pino's error serializer, without the private data. */
export const errorSerializer = (error: Error) => withoutPrivateData(stdSerializers.err(error));

/**
 * The process's logger: JSON lines, one `service` field. Errors are serialized without the SQL
 * parameters or row details that could carry an email, a name, a booking reference or a ticket code,
 * and the headers that carry tokens are censored wherever they appear.
 */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options = {
    level,
    base: { service: 'hamro-concert-api' },
    serializers: { err: errorSerializer },
    redact: {
      paths: ['authorization', 'headers.authorization', 'req.headers.authorization', 'req.headers.cookie', 'token'],
      censor: '[redacted]',
    },
  };
  // Written in the background: lines that come while a write is under way go out together with the next.
  // pino flushes what is buffered when the process exits.
  return pino(options, destination ?? pino.destination({ dest: 1, sync: false }));
}
