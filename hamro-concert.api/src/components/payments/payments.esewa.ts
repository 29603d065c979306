import { createHmac, timingSafeEqual } from 'node:crypto';
import { callProvider, ProviderUnreachable, type ProviderAnswer } from './payments.providers.js';
import type { PaymentSettings } from './payments.settings.js';

type EsewaSettings = NonNullable<PaymentSettings['esewa']>;

/** The fields eSewa's form is signed over, in this order. */
const FORM_SIGNED_FIELDS = ['total_amount', 'transaction_uuid', 'product_code'] as const;

/** base64(HMAC-SHA256(secret, "name=value,name=value,…")) over the given names, in their order, as strings. */
export function esewaSignature(secret: string, fields: Record<string, string>, names: readonly string[]): string {
  const message = names.map((name) => `${name}=${fields[name] ?? ''}`).join(',');
  return createHmac('sha256', secret).update(message, 'utf8').digest('base64');
}

/**
 * Rupees as eSewa's form takes them, from paisa with integer arithmetic only: 350000 → "3500",
 * 110050 → "1100.50". No float ever touches an amount.
 */
export function rupeesFromPaisa(paisa: number): string {
  if (!Number.isSafeInteger(paisa) || paisa < 0) throw new RangeError(`not an amount in paisa: ${paisa}`);
  const rupees = Math.trunc(paisa / 100);
  const rest = paisa % 100;
  return rest === 0 ? String(rupees) : `${rupees}.${String(rest).padStart(2, '0')}`;
}

/** Paisa from the rupee string eSewa sends back ("1000.0", "1,000.00", "110.5"); undefined if it is not one. */
export function paisaFromRupees(value: unknown): number | undefined {
  const text = typeof value === 'number' ? String(value) : typeof value === 'string' ? value.replaceAll(',', '') : '';
  const match = /^(\d{1,12})(?:\.(\d{1,2}))?$/.exec(text.trim());
  if (!match) return undefined;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}

/** The form the buyer's browser posts to eSewa for one attempt. */
export function esewaForm(
  settings: EsewaSettings,
  attempt: { orderId: string; amountCents: number },
  urls: { success: string; failure: string },
): { action: string; fields: Record<string, string> } {
  const amount = rupeesFromPaisa(attempt.amountCents);
  const fields: Record<string, string> = {
    amount,
    tax_amount: '0',
    product_service_charge: '0',
    product_delivery_charge: '0',
    total_amount: amount,
    transaction_uuid: attempt.orderId,
    product_code: settings.productCode,
    success_url: urls.success,
    failure_url: urls.failure,
    signed_field_names: FORM_SIGNED_FIELDS.join(','),
  };
  fields.signature = esewaSignature(settings.secretKey, fields, FORM_SIGNED_FIELDS);
  return { action: settings.formUrl, fields };
}

export interface EsewaReturn {
  transactionUuid: string;
  status: string;
  totalAmount: string;
  transactionCode: string | null;
}

/**
 * Reads the `data` eSewa's success redirect carries: base64 JSON whose `signature` covers the fields
 * its own `signed_field_names` names, over the strings as received. Undefined unless it decodes, names
 * the fields that matter, is for our merchant, and its signature matches (compared in constant time).
 * A valid signature proves eSewa said it, not that it is new: the caller still asks the status API.
 */
export function readEsewaReturn(settings: EsewaSettings, data: string): EsewaReturn | undefined {
  let fields: Record<string, unknown>;
  try {
    fields = JSON.parse(Buffer.from(data, 'base64').toString('utf8')) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (typeof fields !== 'object' || fields === null) return undefined;
  const names = typeof fields.signed_field_names === 'string' ? fields.signed_field_names.split(',') : [];
  const required = ['transaction_uuid', 'total_amount', 'product_code', 'status'];
  if (!required.every((name) => names.includes(name))) return undefined;
  if (!names.every((name) => typeof fields[name] === 'string' || typeof fields[name] === 'number')) return undefined;
  const strings = Object.fromEntries(names.map((name) => [name, String(fields[name])]));
  const expected = Buffer.from(esewaSignature(settings.secretKey, strings, names), 'base64');
  const given = Buffer.from(typeof fields.signature === 'string' ? fields.signature : '', 'base64');
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
  if (strings.product_code !== settings.productCode) return undefined;
  return {
    transactionUuid: strings.transaction_uuid!,
    status: strings.status!,
    totalAmount: strings.total_amount!,
    transactionCode: strings.transaction_code ?? null,
  };
}

/**
 * Asks eSewa's status API about an attempt, with the values we stored (never the ones a redirect
 * brought): COMPLETE pays; PENDING and AMBIGUOUS wait; NOT_FOUND is nothing paid yet; CANCELED is
 * final; FULL_REFUND and PARTIAL_REFUND are money returned.
 */
export async function esewaStatus(
  settings: EsewaSettings,
  attempt: { orderId: string; amountCents: number },
  timeoutMs: number,
): Promise<ProviderAnswer> {
  const url = new URL(settings.statusUrl);
  url.searchParams.set('product_code', settings.productCode);
  url.searchParams.set('total_amount', rupeesFromPaisa(attempt.amountCents));
  url.searchParams.set('transaction_uuid', attempt.orderId);
  let answer;
  try {
    answer = await callProvider('eSewa', url.toString(), { headers: { accept: 'application/json' } }, timeoutMs);
  } catch (error) {
    if (error instanceof ProviderUnreachable) return { kind: 'unreachable', status: error.message };
    throw error;
  }
  const body = answer.body as { status?: unknown; total_amount?: unknown; ref_id?: unknown };
  const status = typeof body?.status === 'string' ? body.status : `HTTP ${answer.status}`;
  switch (status) {
    case 'COMPLETE': {
      const amountCents = paisaFromRupees(body.total_amount);
      if (amountCents === undefined) return { kind: 'unreachable', status: 'COMPLETE without an amount' };
      return { kind: 'paid', amountCents, transactionId: typeof body.ref_id === 'string' ? body.ref_id : null, status };
    }
    case 'PENDING':
    case 'AMBIGUOUS':
      return { kind: 'waiting', status };
    case 'NOT_FOUND':
      return { kind: 'not-yet', status };
    case 'CANCELED':
      return { kind: 'unpaid', status };
    case 'FULL_REFUND':
    case 'PARTIAL_REFUND':
      return { kind: 'refunded', status };
    default:
      return { kind: 'unreachable', status };
  }
}
