/**
 * A local fake of eSewa's ePay v2 for tests and benchmarks: the signed form the buyer's browser posts,
 * the login-and-pay page, the signed `data` the buyer brings back to the merchant, and the status
 * check API, with controls that let a test make what a real gateway does (a buyer who pays or cancels,
 * signed data that names another amount, an outage, a late answer). Loopback only, Node's own modules only.
 */
import { createHmac, randomInt, timingSafeEqual } from 'node:crypto';
import {
  answerThroughOutage,
  closeServer,
  escapeHtml,
  listen,
  page,
  readBody,
  redirect,
  reply,
  sendHtml,
  sendJson,
  setOutage,
} from './http.js';

const FORM_FIELDS = [
  'amount',
  'tax_amount',
  'product_service_charge',
  'product_delivery_charge',
  'total_amount',
  'transaction_uuid',
  'product_code',
  'success_url',
  'failure_url',
  'signed_field_names',
  'signature',
];
const AMOUNT_PARTS = ['amount', 'tax_amount', 'product_service_charge', 'product_delivery_charge'];
// eSewa refuses a form whose signature leaves out any of these.
const MUST_SIGN = ['total_amount', 'transaction_uuid', 'product_code'];
const RESPONSE_SIGNED_NAMES = 'transaction_code,status,total_amount,transaction_uuid,product_code,signed_field_names';
const TEST_IDS = new Set(['9806800001', '9806800002', '9806800003', '9806800004', '9806800005']);
const TEST_PASSWORD = 'Nepal@123';
const TEST_TOKEN = '123456';
// Started on the form but not paid: the status API answers NOT_FOUND for it, as eSewa does.
const NOT_PAID_YET = 'NOT_PAID_YET';

/**
 * @typedef {object} EsewaTransaction the form's fields as posted (strings), and what became of it
 * @property {string} amount
 * @property {string} tax_amount
 * @property {string} product_service_charge
 * @property {string} product_delivery_charge
 * @property {string} total_amount
 * @property {string} transaction_uuid
 * @property {string} product_code
 * @property {string} success_url
 * @property {string} failure_url
 * @property {string} signed_field_names
 * @property {string} signature
 * @property {string} status NOT_PAID_YET (reported as NOT_FOUND), COMPLETE, PENDING, AMBIGUOUS, NOT_FOUND,
 *   CANCELED, FULL_REFUND, PARTIAL_REFUND
 * @property {string | null} refId eSewa's transaction code, once paid
 * @property {string | null} signedTotalAmount the total the success data names when a test overrides it
 */

/**
 * @typedef {object} FakeEsewa
 * @property {string} url origin, e.g. http://127.0.0.1:PORT
 * @property {string} formUrl where the buyer's browser posts the signed form
 * @property {string} statusUrl the status check API
 * @property {Map<string, EsewaTransaction>} transactions by transaction_uuid
 * @property {{ method: string, path: string, query: Record<string, string>, at: number }[]} calls status API calls
 * @property {number} delayMs how late the answers are in the 'slow' outage
 * @property {(uuid: string, options?: { totalAmount?: string | number }) => string} complete
 *   marks the transaction paid and returns the success URL with the signed data
 * @property {(uuid: string) => string} successData the base64 `data` a paid transaction returns with
 * @property {(uuid: string, status: string) => void} setStatus
 * @property {(mode: null | 'down' | 'slow' | 'reset') => void} outage
 * @property {() => Promise<void>} close
 */

/**
 * eSewa's signature: base64 HMAC-SHA256 over `name=value` pairs of the named fields, in that order, joined
 * by commas. Exported only for the fake's own test; the product has its own.
 * @param {string} secret
 * @param {Record<string, string | number>} fields
 * @param {string | string[]} names a list, or eSewa's comma-separated signed_field_names
 * @returns {string}
 */
export function fakeSign(secret, fields, names) {
  const list = Array.isArray(names) ? names : names.split(',');
  const message = list.map((name) => `${name}=${fields[name]}`).join(',');
  return createHmac('sha256', secret).update(message).digest('base64');
}

/**
 * Starts the fake on loopback and resolves once it listens.
 * @param {{ productCode?: string, secretKey?: string, port?: number, host?: string }} [options]
 * @returns {Promise<FakeEsewa>}
 */
export async function startFakeEsewa({
  productCode = 'EPAYTEST',
  secretKey = '8gBm/:&EnhH.1/q',
  port = 0,
  host = '127.0.0.1',
} = {}) {
  const ctx = { productCode, secretKey, mode: null, timers: new Set(), fake: undefined };
  const { server, url } = await listen((req, res) => dispatch(ctx, req, res), { port, host });
  ctx.fake = createControls(ctx, server, url);
  return ctx.fake;
}

/** The object a test holds: the fake's state, and the levers that put a transaction in any situation. */
function createControls(ctx, server, url) {
  const fake = {
    url,
    formUrl: `${url}/api/epay/main/v2/form`,
    statusUrl: `${url}/api/epay/transaction/status/`,
    transactions: new Map(),
    calls: [],
    delayMs: 10_000,
    complete(uuid, { totalAmount } = {}) {
      const transaction = transactionOf(fake, uuid);
      markPaid(transaction);
      transaction.signedTotalAmount = totalAmount === undefined ? null : esewaAmount(totalAmount);
      return successUrl(ctx, transaction);
    },
    successData: (uuid) => successData(ctx, transactionOf(fake, uuid)),
    setStatus(uuid, status) {
      const transaction = transactionOf(fake, uuid);
      transaction.status = status;
      // A paid (or refunded) transaction always has eSewa's code; a forced one gets one too.
      if (['COMPLETE', 'FULL_REFUND', 'PARTIAL_REFUND'].includes(status)) transaction.refId ??= newRefId();
    },
    outage: (mode) => setOutage(ctx, mode),
    close: () => closeServer(ctx, server),
  };
  return fake;
}

function transactionOf(fake, uuid) {
  const transaction = fake.transactions.get(uuid);
  if (!transaction) throw new Error(`No eSewa transaction ${uuid}`);
  return transaction;
}

// ---------------------------------------------------------------------------------------------------
// Routing

async function dispatch(ctx, req, res) {
  try {
    const { pathname, searchParams } = new URL(req.url, ctx.fake.url);
    if (pathname === '/api/epay/transaction/status/' || pathname === '/api/epay/transaction/status')
      return await handleStatus(ctx, pathname, Object.fromEntries(searchParams), req, res);
    if (pathname === '/api/epay/main/v2/form') return await handleForm(ctx, req, res);
    const pay = /^\/pay\/([^/]+)(\/cancel)?$/.exec(pathname);
    if (pay) return await handlePay(ctx, decodeURIComponent(pay[1]), Boolean(pay[2]), req, res);
    sendJson(res, 404, { code: 0, error_message: 'Not found' });
  } catch (error) {
    if (!res.headersSent) sendJson(res, error.status ?? 500, { code: 0, error_message: error.message });
  }
}

// ---------------------------------------------------------------------------------------------------
// Status check API

/** GET /api/epay/transaction/status/: recorded, put through the outage, then answered. */
async function handleStatus(ctx, pathname, query, req, res) {
  await readBody(req);
  ctx.fake.calls.push({ method: req.method, path: pathname, query, at: Date.now() });
  answerThroughOutage(ctx, req, res, () => statusAnswer(ctx.fake, req.method, query));
}

/** The transaction only counts when uuid, product code and total (as numbers) all match what was posted. */
function statusAnswer(fake, method, query) {
  if (method !== 'GET') return reply(405, { code: 0, error_message: `Method ${method} not allowed` });
  const missing = ['product_code', 'total_amount', 'transaction_uuid'].filter((name) => !query[name]);
  if (missing.length > 0) return reply(400, { code: 0, error_message: `Missing ${missing.join(', ')}` });
  const transaction = fake.transactions.get(query.transaction_uuid);
  const matches =
    transaction?.product_code === query.product_code && sameAmount(transaction.total_amount, query.total_amount);
  const status = matches && transaction.status !== NOT_PAID_YET ? transaction.status : 'NOT_FOUND';
  return reply(200, {
    product_code: query.product_code,
    transaction_uuid: query.transaction_uuid,
    total_amount: Number.isFinite(Number(query.total_amount)) ? Number(query.total_amount) : query.total_amount,
    status,
    ref_id: status === 'NOT_FOUND' ? null : (transaction.refId ?? null),
  });
}

// ---------------------------------------------------------------------------------------------------
// The buyer's pages

/** POST /api/epay/main/v2/form: the signed form from the merchant's page, checked, then the login page. */
async function handleForm(ctx, req, res) {
  if (req.method !== 'POST') return sendJson(res, 405, { code: 0, error_message: `Method ${req.method} not allowed` });
  const form = Object.fromEntries(new URLSearchParams(await readBody(req)));
  const errors = formErrors(ctx, form);
  if (errors.length > 0) return sendHtml(res, 400, errorPage(errors));
  const transaction = Object.fromEntries(FORM_FIELDS.map((name) => [name, form[name]]));
  ctx.fake.transactions.set(form.transaction_uuid, {
    ...transaction,
    status: NOT_PAID_YET,
    refId: null,
    signedTotalAmount: null,
  });
  sendHtml(res, 200, payPage(ctx.fake.transactions.get(form.transaction_uuid)));
}

/** Everything eSewa would refuse in the form, as messages for the buyer; empty when it is good. */
function formErrors(ctx, form) {
  const missing = FORM_FIELDS.filter((name) => (form[name] ?? '') === '');
  if (missing.length > 0) return [`Missing field(s): ${missing.join(', ')}.`];
  const errors = [];
  if (!/^[A-Za-z0-9-]+$/.test(form.transaction_uuid))
    errors.push('transaction_uuid may hold only letters, digits and hyphens.');
  if (form.product_code !== ctx.productCode) errors.push('Invalid product_code.');
  errors.push(...amountErrors(form));
  if (!isWebUrl(form.success_url) || !isWebUrl(form.failure_url)) errors.push('Invalid success_url or failure_url.');
  errors.push(...signatureErrors(ctx, form));
  const earlier = ctx.fake.transactions.get(form.transaction_uuid);
  if (earlier && earlier.status !== NOT_PAID_YET) errors.push('Duplicate transaction_uuid.');
  return errors;
}

function amountErrors(form) {
  const bad = AMOUNT_PARTS.concat('total_amount').filter((name) => !/^\d+(\.\d+)?$/.test(form[name]));
  if (bad.length > 0) return [`Invalid amount in: ${bad.join(', ')}.`];
  const parts = AMOUNT_PARTS.reduce((sum, name) => sum + toPaisa(form[name]), 0);
  return parts === toPaisa(form.total_amount) ? [] : ['total_amount is not the sum of the amounts.'];
}

/** The signature over the named fields, taken as the exact strings received. */
function signatureErrors(ctx, form) {
  const names = form.signed_field_names.split(',');
  if (!MUST_SIGN.every((name) => names.includes(name)))
    return [`signed_field_names must include ${MUST_SIGN.join(', ')}.`];
  if (names.some((name) => form[name] === undefined)) return ['signed_field_names names a field not sent.'];
  const expected = Buffer.from(fakeSign(ctx.secretKey, form, names));
  const received = Buffer.from(form.signature);
  const valid = expected.length === received.length && timingSafeEqual(expected, received);
  return valid ? [] : ['Invalid payload signature.'];
}

/** /pay/<uuid>: the login page's form; right test credentials pay and send the buyer to success_url. */
async function handlePay(ctx, uuid, isCancel, req, res) {
  if (req.method !== 'GET' && req.method !== 'POST')
    return sendJson(res, 405, { code: 0, error_message: `Method ${req.method} not allowed` });
  const form = Object.fromEntries(new URLSearchParams(await readBody(req)));
  const transaction = ctx.fake.transactions.get(uuid);
  if (!transaction) return sendHtml(res, 404, errorPage(['No such payment.']));
  if (transaction.status !== NOT_PAID_YET) return sendHtml(res, 200, errorPage(['This payment is already closed.']));
  if (isCancel && req.method === 'POST') {
    transaction.status = 'CANCELED';
    return redirect(res, transaction.failure_url);
  }
  // Cancelling is a POST (the page's Cancel button); a GET of either address only shows the page.
  if (req.method === 'GET') return sendHtml(res, 200, payPage(transaction));
  if (!isTestAccount(form)) return sendHtml(res, 400, payPage(transaction, 'Invalid eSewa ID, password or token.'));
  markPaid(transaction);
  redirect(res, successUrl(ctx, transaction));
}

function isTestAccount(form) {
  return TEST_IDS.has(form.esewa_id) && form.password === TEST_PASSWORD && form.token === TEST_TOKEN;
}

function payPage(transaction, error) {
  const action = `/pay/${encodeURIComponent(transaction.transaction_uuid)}`;
  return page(
    `Pay Rs. ${transaction.total_amount} with eSewa`,
    `<h1>Pay with eSewa</h1>
<p>Merchant: <strong>${escapeHtml(transaction.product_code)}</strong></p>
<p>Amount: <strong>Rs. ${escapeHtml(transaction.total_amount)}</strong></p>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${action}">
<p><label for="esewa_id">eSewa ID</label>
<input id="esewa_id" name="esewa_id" inputmode="numeric" autocomplete="username" required></p>
<p><label for="password">Password</label>
<input id="password" name="password" type="password" autocomplete="current-password" required></p>
<p><label for="token">Token</label>
<input id="token" name="token" inputmode="numeric" autocomplete="one-time-code" required></p>
<p><button type="submit">Pay</button></p>
</form>
<form method="post" action="${action}/cancel"><p><button type="submit">Cancel</button></p></form>`,
  );
}

function errorPage(errors) {
  const items = errors.map((error) => `<li>${escapeHtml(error)}</li>`).join('');
  return page('eSewa payment error', `<h1>eSewa payment error</h1>\n<div role="alert"><ul>${items}</ul></div>`);
}

// ---------------------------------------------------------------------------------------------------
// Paying, and the signed data the buyer brings back

function markPaid(transaction) {
  transaction.status = 'COMPLETE';
  transaction.refId ??= newRefId();
}

/**
 * success_url with `data` appended as eSewa does it: the raw base64, not percent-encoded. Base64 of
 * this ASCII JSON (no '>', '?' or '~' in it) never holds '+' or '/', only '=' padding, which every
 * query parser keeps.
 */
function successUrl(ctx, transaction) {
  const url = transaction.success_url;
  return `${url}${url.includes('?') ? '&' : '?'}data=${successData(ctx, transaction)}`;
}

function successData(ctx, transaction) {
  if (transaction.status !== 'COMPLETE') throw new Error(`eSewa sends no success data for ${transaction.status}`);
  const data = {
    transaction_code: transaction.refId,
    status: 'COMPLETE',
    total_amount: transaction.signedTotalAmount ?? esewaAmount(transaction.total_amount),
    transaction_uuid: transaction.transaction_uuid,
    product_code: transaction.product_code,
    signed_field_names: RESPONSE_SIGNED_NAMES,
  };
  const signature = fakeSign(ctx.secretKey, data, RESPONSE_SIGNED_NAMES);
  return Buffer.from(JSON.stringify({ ...data, signature })).toString('base64');
}

/** eSewa writes the total back as a decimal: "1000" comes back "1000.0", "110.5" stays "110.5". */
function esewaAmount(value) {
  const amount = Number(value);
  return Number.isInteger(amount) ? amount.toFixed(1) : String(amount);
}

/** Like eSewa's own transaction codes, e.g. 0007G36. */
function newRefId() {
  const alphabet = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let id = '000';
  for (let i = 0; i < 4; i += 1) id += alphabet[randomInt(alphabet.length)];
  return id;
}

// ---------------------------------------------------------------------------------------------------
// Small helpers

/** Amounts compared in paisa, so "110", "110.0" and "110.00" are one amount and 0.1 + 0.2 is 0.3. */
function toPaisa(text) {
  return Math.round(Number(text) * 100);
}

function sameAmount(a, b) {
  return Number.isFinite(Number(b)) && toPaisa(a) === toPaisa(b);
}

function isWebUrl(value) {
  try {
    return ['http:', 'https:'].includes(new URL(value).protocol);
  } catch {
    return false;
  }
}
