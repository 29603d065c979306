import { z } from 'zod';

/** eSewa's public test merchant: its published UAT keys move no money. */
export const ESEWA_TEST_MERCHANT = { productCode: 'EPAYTEST', secretKey: '8gBm/:&EnhH.1/q' } as const;

const HOSTS = {
  test: {
    khaltiBaseUrl: 'https://dev.khalti.com/api/v2/',
    esewaFormUrl: 'https://rc-epay.esewa.com.np/api/epay/main/v2/form',
    esewaStatusUrl: 'https://rc.esewa.com.np/api/epay/transaction/status/',
  },
  live: {
    khaltiBaseUrl: 'https://khalti.com/api/v2/',
    esewaFormUrl: 'https://epay.esewa.com.np/api/epay/main/v2/form',
    esewaStatusUrl: 'https://epay.esewa.com.np/api/epay/transaction/status/',
  },
} as const;

const emptyAsUndefined = (value: unknown) => (value === '' ? undefined : value);
const optionalString = z.preprocess(emptyAsUndefined, z.string().optional());
const optionalUrl = z.preprocess(emptyAsUndefined, z.url({ protocol: /^https?$/ }).optional());

/** The environment variables of payments, parsed with the rest in config.ts. */
export const paymentEnv = {
  PAYMENTS_MODE: z.preprocess(emptyAsUndefined, z.enum(['test', 'live']).default('test')),
  PUBLIC_BASE_URL: optionalUrl,
  PAYMENT_WINDOW_MINUTES: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(120).default(15)),
  PAYMENT_PROVIDER_TIMEOUT_MS: z.preprocess(
    emptyAsUndefined,
    z.coerce.number().int().min(100).max(60_000).default(10_000),
  ),
  RECONCILE_INTERVAL_MS: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(50).max(600_000).default(5000)),
  KHALTI_SECRET_KEY: optionalString,
  KHALTI_BASE_URL: optionalUrl,
  ESEWA_PRODUCT_CODE: optionalString,
  ESEWA_SECRET_KEY: optionalString,
  ESEWA_FORM_URL: optionalUrl,
  ESEWA_STATUS_URL: optionalUrl,
};

type PaymentEnv = z.infer<z.ZodObject<typeof paymentEnv>>;

export interface PaymentSettings {
  /** `test`: sandbox hosts and test keys, and checkout says no money moves. `live`: real keys required. */
  mode: 'test' | 'live';
  /** Where buyers reach this product: the providers send them back here. */
  publicBaseUrl: string;
  /** How long an awaiting booking keeps its seats. */
  windowMinutes: number;
  /** The longest a call to a provider may take. */
  providerTimeoutMs: number;
  /** How often each instance's reconciler runs a round. */
  reconcileIntervalMs: number;
  /** Khalti is offered once its key is set. */
  khalti: { secretKey: string; baseUrl: string } | undefined;
  esewa: { productCode: string; secretKey: string; formUrl: string; statusUrl: string } | undefined;
}

/** The payment settings, or the problems that keep them from being usable (live mode without real keys). */
export function paymentSettings(env: PaymentEnv, port: number): { settings: PaymentSettings; problems: string[] } {
  const mode = env.PAYMENTS_MODE;
  const hosts = HOSTS[mode];
  const problems: string[] = [];
  const esewaKeys =
    env.ESEWA_PRODUCT_CODE && env.ESEWA_SECRET_KEY
      ? { productCode: env.ESEWA_PRODUCT_CODE, secretKey: env.ESEWA_SECRET_KEY }
      : mode === 'test'
        ? ESEWA_TEST_MERCHANT
        : undefined;
  if (Boolean(env.ESEWA_PRODUCT_CODE) !== Boolean(env.ESEWA_SECRET_KEY))
    problems.push('ESEWA_PRODUCT_CODE and ESEWA_SECRET_KEY: set both or neither');
  if (mode === 'live') {
    if (!env.KHALTI_SECRET_KEY && !esewaKeys)
      problems.push('PAYMENTS_MODE=live: set KHALTI_SECRET_KEY or ESEWA_PRODUCT_CODE and ESEWA_SECRET_KEY');
    if (esewaKeys?.productCode === ESEWA_TEST_MERCHANT.productCode)
      problems.push("ESEWA_PRODUCT_CODE: EPAYTEST is eSewa's test merchant; live mode needs your own");
    if (!env.PUBLIC_BASE_URL?.startsWith('https://'))
      problems.push('PUBLIC_BASE_URL: live mode needs the https:// address buyers reach this product at');
  }
  return {
    problems,
    settings: {
      mode,
      publicBaseUrl: (env.PUBLIC_BASE_URL ?? `http://localhost:${port}`).replace(/\/+$/, ''),
      windowMinutes: env.PAYMENT_WINDOW_MINUTES,
      providerTimeoutMs: env.PAYMENT_PROVIDER_TIMEOUT_MS,
      reconcileIntervalMs: env.RECONCILE_INTERVAL_MS,
      khalti: env.KHALTI_SECRET_KEY
        ? { secretKey: env.KHALTI_SECRET_KEY, baseUrl: withSlash(env.KHALTI_BASE_URL ?? hosts.khaltiBaseUrl) }
        : undefined,
      esewa: esewaKeys && {
        ...esewaKeys,
        formUrl: env.ESEWA_FORM_URL ?? hosts.esewaFormUrl,
        statusUrl: env.ESEWA_STATUS_URL ?? hosts.esewaStatusUrl,
      },
    },
  };
}

const withSlash = (url: string) => (url.endsWith('/') ? url : `${url}/`);

/** Out of the box: test mode, eSewa's test merchant and the sandbox hosts, return URLs on port 3000. */
export const defaultPaymentSettings = (): PaymentSettings =>
  paymentSettings(z.object(paymentEnv).parse({}), 3000).settings;
