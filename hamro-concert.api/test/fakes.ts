/**
 * The fake payment gateways of hamro-concert.api.test (plain JavaScript there, shared with the
 * benchmarks and the browser tests), typed for these tests: only what they use.
 */
export interface FakeKhalti {
  url: string;
  baseUrl: string;
  payments: Map<string, { pidx: string; amount: number; purchase_order_id: string; status: string; refunded: boolean }>;
  calls: { method: string; path: string; body: unknown }[];
  refunds: { transactionId: string; amount: number }[];
  delayMs: number;
  complete(pidx: string, options?: { amount?: number }): string;
  cancel(pidx: string): string;
  setStatus(pidx: string, status: string): void;
  outage(mode: null | 'down' | 'slow' | 'reset'): void;
  close(): Promise<void>;
}

export interface FakeEsewa {
  url: string;
  formUrl: string;
  statusUrl: string;
  transactions: Map<string, { status: string; total_amount: string }>;
  calls: { query: Record<string, string> }[];
  delayMs: number;
  complete(uuid: string, options?: { totalAmount?: string | number }): string;
  successData(uuid: string): string;
  setStatus(uuid: string, status: string): void;
  outage(mode: null | 'down' | 'slow' | 'reset'): void;
  close(): Promise<void>;
}

const fakes = new URL('../../hamro-concert.api.test/lib/fakes/', import.meta.url);
export const KHALTI_TEST_KEY = 'test-khalti-secret';

export async function startFakeKhalti(): Promise<FakeKhalti> {
  const module = (await import(new URL('khalti.js', fakes).href)) as { startFakeKhalti(): Promise<FakeKhalti> };
  return module.startFakeKhalti();
}

export async function startFakeEsewa(): Promise<FakeEsewa> {
  const module = (await import(new URL('esewa.js', fakes).href)) as { startFakeEsewa(): Promise<FakeEsewa> };
  return module.startFakeEsewa();
}

/** How the fake eSewa's form is posted by a buyer's browser: the fields as the API gave them. */
export async function postEsewaForm(esewa: FakeEsewa, form: { action: string; fields: Record<string, string> }) {
  return fetch(form.action, { method: 'POST', body: new URLSearchParams(form.fields), redirect: 'manual' });
}
