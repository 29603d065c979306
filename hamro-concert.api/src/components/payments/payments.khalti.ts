import { callProvider, ProviderUnreachable, type ProviderAnswer } from './payments.providers.js';
import type { PaymentSettings } from './payments.settings.js';

type KhaltiSettings = NonNullable<PaymentSettings['khalti']>;

/** Khalti takes no payment below NPR 10. */
export const KHALTI_MINIMUM_PAISA = 1000;

const headers = (settings: KhaltiSettings) => ({
  authorization: `Key ${settings.secretKey}`,
  'content-type': 'application/json',
  accept: 'application/json',
});

export interface KhaltiStart {
  pidx: string;
  paymentUrl: string;
  expiresAt: Date;
}

/** A refusal Khalti explains (its validation errors, a bad key): retrying the same request will not help. */
export class KhaltiRefused extends Error {
  constructor(readonly details: unknown) {
    super(`Khalti refused the payment: ${JSON.stringify(details)}`);
    this.name = 'KhaltiRefused';
  }
}

/** Starts a payment (POST epayment/initiate/): where the buyer pays, and until when. */
export async function khaltiInitiate(
  settings: KhaltiSettings,
  order: {
    orderId: string;
    name: string;
    amountCents: number;
    returnUrl: string;
    websiteUrl: string;
    customer: { name: string; email: string };
  },
  timeoutMs: number,
): Promise<KhaltiStart> {
  const { status, body } = await callProvider(
    'Khalti',
    new URL('epayment/initiate/', settings.baseUrl).toString(),
    {
      method: 'POST',
      headers: headers(settings),
      body: JSON.stringify({
        return_url: order.returnUrl,
        website_url: order.websiteUrl,
        amount: order.amountCents,
        purchase_order_id: order.orderId,
        purchase_order_name: order.name,
        customer_info: order.customer,
      }),
    },
    timeoutMs,
  );
  const answer = body as { pidx?: unknown; payment_url?: unknown; expires_at?: unknown };
  if (status === 200 && typeof answer.pidx === 'string' && typeof answer.payment_url === 'string') {
    const expiresAt = new Date(typeof answer.expires_at === 'string' ? answer.expires_at : Number.NaN);
    return {
      pidx: answer.pidx,
      paymentUrl: answer.payment_url,
      // Khalti's own default is an hour; an answer without a readable expiry is taken to mean that.
      expiresAt: Number.isNaN(expiresAt.getTime()) ? new Date(Date.now() + 3_600_000) : expiresAt,
    };
  }
  if (status >= 400 && status < 500) throw new KhaltiRefused(body);
  throw new ProviderUnreachable('Khalti', `initiate answered HTTP ${status}`);
}

/**
 * Asks Khalti about a payment (POST epayment/lookup/). Its answer is the only word that counts: the
 * return URL's parameters are not signed. Expired and User canceled come with HTTP 400.
 */
export async function khaltiLookup(settings: KhaltiSettings, pidx: string, timeoutMs: number): Promise<ProviderAnswer> {
  let answer;
  try {
    answer = await callProvider(
      'Khalti',
      new URL('epayment/lookup/', settings.baseUrl).toString(),
      { method: 'POST', headers: headers(settings), body: JSON.stringify({ pidx }) },
      timeoutMs,
    );
  } catch (error) {
    if (error instanceof ProviderUnreachable) return { kind: 'unreachable', status: error.message };
    throw error;
  }
  const body = answer.body as { status?: unknown; total_amount?: unknown; transaction_id?: unknown };
  const status = typeof body?.status === 'string' ? body.status : `HTTP ${answer.status}`;
  switch (status) {
    case 'Completed':
      if (typeof body.total_amount !== 'number' || !Number.isSafeInteger(body.total_amount))
        return { kind: 'unreachable', status: 'Completed without an amount' };
      return {
        kind: 'paid',
        amountCents: body.total_amount,
        transactionId: typeof body.transaction_id === 'string' ? body.transaction_id : null,
        status,
      };
    case 'Pending':
      return { kind: 'waiting', status };
    case 'Initiated':
      return { kind: 'not-yet', status };
    case 'Expired':
    case 'User canceled':
      return { kind: 'unpaid', status };
    case 'Refunded':
    case 'Partially Refunded':
      return { kind: 'refunded', status };
    default:
      return { kind: 'unreachable', status };
  }
}

/**
 * Refunds a completed payment in full (POST {host}/api/merchant-transaction/{id}/refund/, no body).
 * True once Khalti says it is done, or says it was refunded already.
 */
export async function khaltiRefund(
  settings: KhaltiSettings,
  transactionId: string,
  timeoutMs: number,
): Promise<boolean> {
  const url = new URL(`/api/merchant-transaction/${encodeURIComponent(transactionId)}/refund/`, settings.baseUrl);
  try {
    const { status, body } = await callProvider(
      'Khalti',
      url.toString(),
      { method: 'POST', headers: headers(settings) },
      timeoutMs,
    );
    if (status === 200) return true;
    const detail = (body as { detail?: unknown })?.detail;
    return typeof detail === 'string' && /already refunded/i.test(detail);
  } catch (error) {
    if (error instanceof ProviderUnreachable) return false;
    throw error;
  }
}
