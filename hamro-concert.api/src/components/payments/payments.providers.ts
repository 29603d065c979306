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

/**
 * Calls a provider and reads its JSON answer whatever the HTTP status: Khalti says Expired and User
 * canceled with a 400. A timeout, a reset or a body that is not JSON is ProviderUnreachable.
 */
export async function callProvider(
  provider: string,
  url: string,
  init: RequestInit,
  timeoutMs: number,
): Promise<{ status: number; body: unknown }> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
  } catch (error) {
    throw new ProviderUnreachable(provider, (error as Error).name === 'TimeoutError' ? 'timed out' : String(error));
  }
  const text = await response.text().catch(() => '');
  try {
    return { status: response.status, body: JSON.parse(text) as unknown };
  } catch {
    throw new ProviderUnreachable(provider, `HTTP ${response.status} without JSON`);
  }
}
