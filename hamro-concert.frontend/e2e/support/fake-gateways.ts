import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The local fakes of Khalti and eSewa from hamro-concert.api.test (plain JavaScript with JSDoc), with
 * the parts of them these tests use typed here.
 */
const fakesDir = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../hamro-concert.api.test/lib/fakes',
);

export interface FakeKhalti {
  url: string;
  /** Where the API calls Khalti: KHALTI_BASE_URL. */
  baseUrl: string;
  /** By pidx; `purchase_order_id` is our order id, `${reference}-…`. */
  payments: Map<string, { purchase_order_id: string; status: string; amount: number; mobile: string | null }>;
  close: () => Promise<void>;
}

export interface FakeEsewa {
  url: string;
  /** Where the buyer's browser posts the signed form: ESEWA_FORM_URL. */
  formUrl: string;
  /** The status check API: ESEWA_STATUS_URL. */
  statusUrl: string;
  /** By transaction_uuid, our order id `${reference}-…`. */
  transactions: Map<string, { transaction_uuid: string; total_amount: string; status: string }>;
  close: () => Promise<void>;
}

async function load<T>(file: string): Promise<T> {
  return (await import(pathToFileURL(path.join(fakesDir, file)).href)) as T;
}

/** Starts both fakes on loopback, and the environment that points the API at them. */
export async function startFakeGateways() {
  const { startFakeKhalti } = await load<{ startFakeKhalti: () => Promise<FakeKhalti> }>('khalti.js');
  const { startFakeEsewa } = await load<{ startFakeEsewa: () => Promise<FakeEsewa> }>('esewa.js');
  const [khalti, esewa] = await Promise.all([startFakeKhalti(), startFakeEsewa()]);
  return {
    khalti,
    esewa,
    env: {
      KHALTI_SECRET_KEY: 'test-khalti-secret',
      KHALTI_BASE_URL: khalti.baseUrl,
      ESEWA_FORM_URL: esewa.formUrl,
      ESEWA_STATUS_URL: esewa.statusUrl,
    },
    close: () => Promise.all([khalti.close(), esewa.close()]),
  };
}
