import http from 'node:http';
import https from 'node:https';
/**
 * What a payment provider said about one attempt, in the product's words. Each provider's file maps
 * its own statuses onto these; the service decides what they mean for the booking.
 *
 *   paid         the money is there: this amount (paisa), under this transaction id
 *   waiting      the provider has not decided yet (Khalti Pending, eSewa PENDING or AMBIGUOUS): ask again
 *   not-yet      nothing paid so far (Khalti Initiated, eSewa NOT_FOUND): unpaid once the attempt has ended
 *   unpaid       the buyer cancelled, or the attempt expired: final
 *   refunded     the money went back to the buyer
 *   unreachable  no answer we can read (down, slow, an error page): nothing is decided, ask again
 */
export type ProviderAnswer =
  | { kind: 'paid'; amountCents: number; transactionId: string | null; status: string }
  | { kind: 'waiting' | 'not-yet' | 'unpaid' | 'refunded'; status: string }
  | { kind: 'unreachable'; status: string };

/** A provider's answer that is not JSON, or no answer within the timeout. */
export class ProviderUnreachable extends Error {
  constructor(
    readonly provider: string,
    reason: string,
  ) {
    super(`${provider} did not answer usably: ${reason}`);
    this.name = 'ProviderUnreachable';
  }
}

/** Connections to the providers are kept open between calls: each new TLS handshake costs more than the call. */
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

/**
 * Calls a provider and reads its JSON answer whatever the HTTP status: Khalti says Expired and User
 * canceled with a 400. A timeout, a reset or a body that is not JSON is ProviderUnreachable. Node's
 * own http client over kept-alive connections: a good deal lighter per call than fetch.
 */
export function callProvider(
  provider: string,
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string },
  timeoutMs: number,
): Promise<{ status: number; body: unknown }> {
  const target = new URL(url);
  const client = target.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const unreachable = (reason: string) => reject(new ProviderUnreachable(provider, reason));
    const req = client.request(target, {
      method: init.method ?? 'GET',
      headers:
        init.body === undefined ? init.headers : { ...init.headers, 'content-length': Buffer.byteLength(init.body) },
      agent: agents[target.protocol as keyof typeof agents],
      timeout: timeoutMs,
    });
    const timer = setTimeout(() => req.destroy(new Error('timed out')), timeoutMs);
    req.on('timeout', () => req.destroy(new Error('timed out')));
    req.on('error', (error) => {
      clearTimeout(timer);
      unreachable(error.message);
    });
    req.on('response', (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        text += chunk;
        if (text.length > 1_000_000) req.destroy(new Error('answer too large'));
      });
      res.on('end', () => {
        clearTimeout(timer);
        try {
          resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as unknown });
        } catch {
          unreachable(`HTTP ${res.statusCode} without JSON`);
        }
      });
      res.on('error', (error) => {
        clearTimeout(timer);
        unreachable(error.message);
      });
    });
    req.end(init.body);
  });
}
