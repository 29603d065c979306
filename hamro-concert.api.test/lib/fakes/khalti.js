/**
 * A local fake of Khalti's web checkout (KPG-2) for tests and benchmarks: the merchant API (initiate,
 * lookup, refund), the buyer's pay page, and controls that let a test make what a real gateway does
 * (a buyer who pays or cancels, a different confirmed amount, an outage, a late answer). It answers
 * as Khalti documents it, quirks included: a lookup of an expired or cancelled payment is HTTP 400.
 * Loopback only, Node's own modules only.
 */
import { randomInt } from 'node:crypto';
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

const LIFETIME_MS = 60 * 60 * 1000;
const NEPAL_OFFSET_MS = (5 * 60 + 45) * 60 * 1000;
const MINIMUM_PAISA = 1000;
const TEST_IDS = new Set(['9800000000', '9800000001', '9800000002', '9800000003', '9800000004', '9800000005']);
const TEST_MPIN = '1111';
const TEST_OTP = '987654';
const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const REQUIRED_FIELDS = ['return_url', 'website_url', 'amount', 'purchase_order_id', 'purchase_order_name'];
// Khalti answers a lookup of these with HTTP 400 and the usual body, so a client has to read a 400's body too.
const UNSUCCESSFUL_LOOKUPS = new Set(['Expired', 'User canceled']);

/**
 * @typedef {object} KhaltiPayment
 * @property {string} pidx
 * @property {number} amount paisa asked for at initiate
 * @property {number} totalAmount paisa Khalti says was paid: `amount` unless a test confirms another amount
 * @property {string} purchase_order_id
 * @property {string} purchase_order_name
 * @property {string} return_url
 * @property {string} website_url
 * @property {object | undefined} customer_info
 * @property {string} status Initiated, Pending, Completed, Expired, User canceled, Refunded, Partially Refunded
 * @property {string | null} transaction_id
 * @property {string | null} mobile the payer's Khalti ID, once paid
 * @property {boolean} refunded
 * @property {{ amount: number, at: number }[]} refunds
 * @property {number} expiresAt epoch milliseconds
 */

/**
 * @typedef {object} FakeKhalti
 * @property {string} url origin, e.g. http://127.0.0.1:PORT
 * @property {string} baseUrl `${url}/api/v2/`
 * @property {Map<string, KhaltiPayment>} payments by pidx
 * @property {{ method: string, path: string, body: unknown, at: number }[]} calls every API call, in order
 * @property {{ transactionId: string, amount: number }[]} refunds
 * @property {number} delayMs how late the answers are in the 'slow' outage
 * @property {(pidx: string, options?: { amount?: number, mobile?: string }) => string} complete
 *   marks the payment paid and returns the URL the buyer's browser would be sent back to
 * @property {(pidx: string) => string} cancel marks it User canceled and returns the return URL
 * @property {(pidx: string) => string} returnUrl the return URL for a Completed or User canceled payment
 * @property {(pidx: string, status: string) => void} setStatus
 * @property {(mode: null | 'down' | 'slow' | 'reset') => void} outage
 * @property {() => Promise<void>} close
 */

/**
 * Starts the fake on loopback and resolves once it listens.
 * @param {{ secretKey?: string, port?: number, host?: string }} [options]
 * @returns {Promise<FakeKhalti>}
 */
export async function startFakeKhalti({ secretKey = 'test-khalti-secret', port = 0, host = '127.0.0.1' } = {}) {
  const ctx = { secretKey, mode: null, timers: new Set(), fake: undefined };
  const { server, url } = await listen((req, res) => dispatch(ctx, req, res), { port, host });
  ctx.fake = createControls(ctx, server, url);
  return ctx.fake;
}

/** The object a test holds: the fake's state, and the levers that put a payment in any situation. */
function createControls(ctx, server, url) {
  const fake = {
    url,
    baseUrl: `${url}/api/v2/`,
    payments: new Map(),
    calls: [],
    refunds: [],
    delayMs: 10_000,
    complete(pidx, { amount, mobile = '9800000001' } = {}) {
      markPaid(paymentOf(fake, pidx), mobile, amount);
      return fake.returnUrl(pidx);
    },
    cancel(pidx) {
      paymentOf(fake, pidx).status = 'User canceled';
      return fake.returnUrl(pidx);
    },
    returnUrl: (pidx) => returnUrlOf(paymentOf(fake, pidx)),
    setStatus(pidx, status) {
      forceStatus(paymentOf(fake, pidx), status);
    },
    outage: (mode) => setOutage(ctx, mode),
    close: () => closeServer(ctx, server),
  };
  return fake;
}

function paymentOf(fake, pidx) {
  const payment = fake.payments.get(pidx);
  if (!payment) throw new Error(`No Khalti payment ${pidx}`);
  return payment;
}

// ---------------------------------------------------------------------------------------------------
// Routing

const API_ROUTES = [
  { method: 'POST', path: /^\/api\/v2\/epayment\/initiate\/$/, answer: initiate },
  { method: 'POST', path: /^\/api\/v2\/epayment\/lookup\/$/, answer: lookup },
  // Refunds live on the origin's merchant API, not under /api/v2.
  { method: 'POST', path: /^\/api\/merchant-transaction\/([^/]+)\/refund\/$/, answer: refund },
];

async function dispatch(ctx, req, res) {
  try {
    const { pathname } = new URL(req.url, ctx.fake.url);
    const api = API_ROUTES.find((route) => route.path.test(pathname));
    if (api) return await handleApi(ctx, api, pathname, req, res);
    const pay = /^\/pay\/([^/]+)(\/cancel)?$/.exec(pathname);
    if (pay) return await handlePage(ctx, decodeURIComponent(pay[1]), Boolean(pay[2]), req, res);
    sendJson(res, 404, { detail: 'Not found.' });
  } catch (error) {
    if (!res.headersSent) sendJson(res, error.status ?? 500, { detail: error.message });
  }
}

/** One merchant API call: recorded, then put through the outage, then answered. */
async function handleApi(ctx, route, pathname, req, res) {
  const text = await readBody(req);
  ctx.fake.calls.push({ method: req.method, path: pathname, body: parseLoosely(text), at: Date.now() });
  answerThroughOutage(ctx, req, res, () => answerApi(ctx, route, pathname, req, text));
}

/** Authentication comes before the body is read, as in Khalti's API: a bad key with bad JSON is a 401. */
function answerApi(ctx, route, pathname, req, text) {
  if (req.method !== route.method) return reply(405, { detail: `Method "${req.method}" not allowed.` });
  if (!isAuthorized(ctx, req)) return reply(401, { detail: 'Invalid token.', status_code: 401 });
  const body = parseBody(req, text);
  if (body.error) return reply(400, { detail: body.error, error_key: 'validation_error' });
  return route.answer(ctx.fake, body.value, route.path.exec(pathname));
}

function isAuthorized(ctx, req) {
  const [keyword, token, ...rest] = (req.headers.authorization ?? '').split(' ');
  return keyword?.toLowerCase() === 'key' && token === ctx.secretKey && rest.length === 0;
}

// ---------------------------------------------------------------------------------------------------
// Merchant API

/** POST /api/v2/epayment/initiate/: validates as Khalti does, then opens a payment for an hour. */
function initiate(fake, body) {
  const errors = initiateErrors(body);
  if (errors) return reply(400, { ...errors, error_key: 'validation_error' });
  const pidx = randomId();
  const now = Date.now();
  fake.payments.set(pidx, newPayment(pidx, body, now + LIFETIME_MS));
  return reply(200, {
    pidx,
    payment_url: `${fake.url}/pay/${pidx}`,
    expires_at: nepalTime(now + LIFETIME_MS),
    expires_in: LIFETIME_MS / 1000,
  });
}

function newPayment(pidx, body, expiresAt) {
  const amount = Number(body.amount);
  return {
    pidx,
    amount,
    totalAmount: amount,
    purchase_order_id: String(body.purchase_order_id),
    purchase_order_name: String(body.purchase_order_name),
    return_url: body.return_url,
    website_url: body.website_url,
    customer_info: body.customer_info,
    status: 'Initiated',
    transaction_id: null,
    mobile: null,
    refunded: false,
    refunds: [],
    expiresAt,
  };
}

/** Khalti's validation shape: one key per bad field with a list of messages; null when all is well. */
function initiateErrors(body) {
  const errors = {};
  for (const field of REQUIRED_FIELDS) {
    const problem = fieldProblem(field, body[field]);
    if (problem) errors[field] = [problem];
  }
  const info = body.customer_info;
  if (info !== undefined && info !== null && !isPlainObject(info)) errors.customer_info = ['Invalid customer info.'];
  return Object.keys(errors).length > 0 ? errors : null;
}

function fieldProblem(field, value) {
  if (value === undefined) return 'This field is required.';
  if (value === null) return 'This field may not be null.';
  if (field === 'amount') return amountProblem(value);
  if (typeof value !== 'string' && typeof value !== 'number') return 'Not a valid string.';
  if (String(value).trim() === '') return 'This field may not be blank.';
  if (field.endsWith('_url') && !isWebUrl(value)) return 'Enter a valid URL.';
  return null;
}

/** Paisa as an integer (Khalti also takes "1000" as text), at least Rs. 10. */
function amountProblem(value) {
  const whole = typeof value === 'number' ? Number.isInteger(value) : /^-?\d+$/.test(String(value));
  if (!whole) return 'A valid integer is required.';
  if (Number(value) < MINIMUM_PAISA) return 'Amount should be greater than Rs. 10, that is 1000 paisa.';
  return null;
}

/** POST /api/v2/epayment/lookup/: 200 for a live or settled payment, 400 (same body) for expired or cancelled. */
function lookup(fake, body) {
  if (body.pidx === undefined) return reply(400, { pidx: ['This field is required.'], error_key: 'validation_error' });
  const payment = fake.payments.get(String(body.pidx));
  if (!payment) return reply(404, { detail: 'Not found.', error_key: 'validation_error' });
  expireIfDue(payment);
  return reply(UNSUCCESSFUL_LOOKUPS.has(payment.status) ? 400 : 200, {
    pidx: payment.pidx,
    total_amount: payment.totalAmount,
    status: payment.status,
    transaction_id: payment.transaction_id,
    fee: 0,
    refunded: payment.refunded,
  });
}

/** POST /api/merchant-transaction/<transaction_id>/refund/: no amount refunds all, a smaller one part. */
function refund(fake, body, match) {
  const transactionId = decodeURIComponent(match[1]);
  const payment = [...fake.payments.values()].find((each) => each.transaction_id === transactionId);
  if (!payment) return reply(404, { detail: 'Transaction not found.' });
  if (payment.refunded) return reply(400, { detail: 'Transaction already refunded.' });
  if (payment.status !== 'Completed') return reply(400, { detail: 'Only a completed transaction can be refunded.' });
  const amount = body.amount === undefined ? payment.totalAmount : Number(body.amount);
  if (!Number.isInteger(amount) || amount <= 0) return reply(400, { detail: 'Invalid refund amount.' });
  if (amount > payment.totalAmount) return reply(400, { detail: 'Refund amount exceeds transaction amount.' });
  payment.status = amount < payment.totalAmount ? 'Partially Refunded' : 'Refunded';
  payment.refunded = true;
  payment.refunds.push({ amount, at: Date.now() });
  fake.refunds.push({ transactionId, amount });
  return reply(200, { detail: 'Transaction refund successful.' });
}

// ---------------------------------------------------------------------------------------------------
// The buyer's pages

async function handlePage(ctx, pidx, isCancel, req, res) {
  if (req.method !== 'GET' && req.method !== 'POST') return sendJson(res, 405, { detail: 'Method not allowed.' });
  const form = Object.fromEntries(new URLSearchParams(await readBody(req)));
  const payment = ctx.fake.payments.get(pidx);
  if (!payment) return sendHtml(res, 404, page('Payment not found', '<h1>Payment not found</h1>'));
  expireIfDue(payment);
  if (payment.status !== 'Initiated') return sendHtml(res, 200, closedPage(payment));
  if (isCancel) {
    payment.status = 'User canceled';
    return redirect(res, returnUrlOf(payment));
  }
  if (req.method === 'GET') return sendHtml(res, 200, payPage(payment));
  if (!isTestWallet(form)) return sendHtml(res, 400, payPage(payment, 'The Khalti ID, MPIN or OTP is not correct.'));
  markPaid(payment, form.mobile);
  redirect(res, returnUrlOf(payment));
}

function isTestWallet(form) {
  return TEST_IDS.has(form.mobile) && form.mpin === TEST_MPIN && form.otp === TEST_OTP;
}

function payPage(payment, error) {
  const action = `/pay/${encodeURIComponent(payment.pidx)}`;
  return page(
    `Pay ${rupees(payment.amount)} with Khalti`,
    `<h1>Pay with Khalti</h1>
<p>Order: <strong>${escapeHtml(payment.purchase_order_name)}</strong> (${escapeHtml(payment.purchase_order_id)})</p>
<p>Amount: <strong>${rupees(payment.amount)}</strong></p>
${error ? `<p role="alert">${escapeHtml(error)}</p>` : ''}
<form method="post" action="${action}">
<p><label for="mobile">Khalti ID</label>
<input id="mobile" name="mobile" type="tel" inputmode="numeric" autocomplete="tel" required></p>
<p><label for="mpin">MPIN</label>
<input id="mpin" name="mpin" type="password" inputmode="numeric" required></p>
<p><label for="otp">OTP</label>
<input id="otp" name="otp" inputmode="numeric" autocomplete="one-time-code" required></p>
<p><button type="submit">Pay</button></p>
</form>
<form method="post" action="${action}/cancel"><p><button type="submit">Cancel</button></p></form>`,
  );
}

/** A payment that can no longer be paid: the buyer is told why instead of being shown the form. */
function closedPage(payment) {
  const why = {
    Expired: 'This payment link has expired.',
    'User canceled': 'This payment was cancelled.',
  }[payment.status];
  const message = why ?? `This payment is already ${payment.status.toLowerCase()}.`;
  return page('Khalti payment', `<h1>Khalti payment</h1>\n<p role="status">${escapeHtml(message)}</p>`);
}

// ---------------------------------------------------------------------------------------------------
// Payment state

function markPaid(payment, mobile, amount = payment.amount) {
  payment.status = 'Completed';
  payment.transaction_id = randomId();
  payment.mobile = mobile;
  payment.totalAmount = amount;
}

/**
 * A forced status keeps the record coherent: a settled payment has a transaction id, a refunded one says
 * so, and an Initiated one gets a fresh hour (else the next look would turn it Expired again).
 */
function forceStatus(payment, status) {
  payment.status = status;
  if (status === 'Initiated') payment.expiresAt = Math.max(payment.expiresAt, Date.now() + LIFETIME_MS);
  if (['Completed', 'Refunded', 'Partially Refunded'].includes(status)) payment.transaction_id ??= randomId();
  payment.refunded = status === 'Refunded' || status === 'Partially Refunded';
}

function expireIfDue(payment) {
  if (payment.status === 'Initiated' && Date.now() >= payment.expiresAt) payment.status = 'Expired';
}

/** Where Khalti sends the buyer back, with the parameters it documents for a paid or a cancelled payment. */
function returnUrlOf(payment) {
  if (payment.status === 'User canceled') return withQuery(payment.return_url, canceledParams(payment));
  if (payment.status !== 'Completed') throw new Error(`Khalti sends no buyer back for status ${payment.status}`);
  return withQuery(payment.return_url, completedParams(payment));
}

function completedParams(payment) {
  return {
    pidx: payment.pidx,
    txnId: payment.transaction_id,
    amount: String(payment.totalAmount),
    total_amount: String(payment.totalAmount),
    status: 'Completed',
    mobile: maskMobile(payment.mobile),
    tidx: payment.transaction_id,
    purchase_order_id: payment.purchase_order_id,
    purchase_order_name: payment.purchase_order_name,
    transaction_id: payment.transaction_id,
  };
}

/** A cancelled payment comes back with the ids and the payer empty, not absent. */
function canceledParams(payment) {
  return {
    pidx: payment.pidx,
    status: 'User canceled',
    transaction_id: '',
    tidx: '',
    amount: String(payment.amount),
    total_amount: String(payment.amount),
    mobile: '',
    purchase_order_id: payment.purchase_order_id,
    purchase_order_name: payment.purchase_order_name,
  };
}

/** Khalti shows only the ends of the payer's number, e.g. 98XXXXX001. */
function maskMobile(mobile) {
  return mobile ? `${mobile.slice(0, 2)}XXXXX${mobile.slice(-3)}` : '';
}

// ---------------------------------------------------------------------------------------------------
// Small helpers

/** Appends parameters with ? or &, keeping whatever query and fragment the merchant's URL already has. */
function withQuery(url, params) {
  const hashAt = url.indexOf('#');
  const base = hashAt < 0 ? url : url.slice(0, hashAt);
  const hash = hashAt < 0 ? '' : url.slice(hashAt);
  const separator = /[?&]$/.test(base) ? '' : base.includes('?') ? '&' : '?';
  return `${base}${separator}${new URLSearchParams(params)}${hash}`;
}

/** 22 letters and digits, the shape of Khalti's pidx and transaction ids. */
function randomId() {
  let id = '';
  for (let i = 0; i < 22; i += 1) id += ALPHANUMERIC[randomInt(ALPHANUMERIC.length)];
  return id;
}

/** Khalti writes times at Nepal's offset, e.g. 2023-05-25T16:26:16.471+05:45. */
function nepalTime(ms) {
  return `${new Date(ms + NEPAL_OFFSET_MS).toISOString().slice(0, -1)}+05:45`;
}

function rupees(paisa) {
  return `Rs. ${(paisa / 100).toLocaleString('en-IN', { minimumFractionDigits: 2, maximumFractionDigits: 2 })}`;
}

function isWebUrl(value) {
  try {
    return ['http:', 'https:'].includes(new URL(String(value)).protocol);
  } catch {
    return false;
  }
}

function isPlainObject(value) {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Khalti's API takes JSON or a form; an empty body is an empty object, anything else malformed is an error. */
function parseBody(req, text) {
  if (text.trim() === '') return { value: {} };
  if ((req.headers['content-type'] ?? '').includes('application/x-www-form-urlencoded'))
    return { value: Object.fromEntries(new URLSearchParams(text)) };
  try {
    const value = JSON.parse(text);
    return isPlainObject(value) ? { value } : { error: 'Invalid data. Expected a dictionary.' };
  } catch (error) {
    return { error: `JSON parse error - ${error.message}` };
  }
}

/** What a test sees in `calls`: the parsed JSON when it parses, else the text as sent. */
function parseLoosely(text) {
  try {
    return text === '' ? undefined : JSON.parse(text);
  } catch {
    return text;
  }
}
