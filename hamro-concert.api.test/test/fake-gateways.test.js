// The fake payment gateways, driven over real HTTP as the product and a buyer's browser drive them,
// so that a fake which drifts from Khalti's or eSewa's documented protocol fails here first.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { fakeSign, startFakeEsewa } from '../lib/fakes/esewa.js';
import { startFakeKhalti } from '../lib/fakes/khalti.js';

const KHALTI_KEY = 'test-khalti-secret';
const ESEWA_SECRET = '8gBm/:&EnhH.1/q';

/** A JSON call with the status, the parsed body (or the text when it is not JSON) and the content type. */
async function callJson(url, { method = 'POST', body, key = KHALTI_KEY, headers = {} } = {}) {
  const response = await fetch(url, {
    method,
    headers: { 'content-type': 'application/json', ...(key ? { authorization: `Key ${key}` } : {}), ...headers },
    body: typeof body === 'string' || body === undefined ? body : JSON.stringify(body),
  });
  const text = await response.text();
  let parsed;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = text;
  }
  return { status: response.status, body: parsed, type: response.headers.get('content-type') };
}

/** A browser's form post, redirects not followed so the test reads where the gateway sends the buyer. */
async function postForm(url, fields) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields),
    redirect: 'manual',
  });
  return { status: response.status, location: response.headers.get('location'), html: await response.text() };
}

async function getPage(url) {
  const response = await fetch(url, { redirect: 'manual' });
  return { status: response.status, location: response.headers.get('location'), html: await response.text() };
}

/** The page is one a screen reader can use: a language, a title, and a label for every field named. */
function assertAccessible(html, labels) {
  assert.match(html, /<html lang="en">/);
  assert.match(html, /<title>[^<]+<\/title>/);
  for (const label of labels) assert.match(html, new RegExp(`<label for="[^"]+">${label}</label>`));
}

describe('fake Khalti', () => {
  let khalti;
  const initiateUrl = () => `${khalti.baseUrl}epayment/initiate/`;
  const lookupUrl = () => `${khalti.baseUrl}epayment/lookup/`;
  const refundUrl = (transactionId) => `${khalti.url}/api/merchant-transaction/${transactionId}/refund/`;
  const order = (overrides = {}) => ({
    return_url: 'http://127.0.0.1:9/payments/khalti/return?booking=7',
    website_url: 'http://127.0.0.1:9/',
    amount: 150000,
    purchase_order_id: 'HC-0001',
    purchase_order_name: 'Two seats <VIP>',
    customer_info: { name: 'Sita', email: 'sita@example.com', phone: '9800000001' },
    ...overrides,
  });
  const initiate = async (overrides) => (await callJson(initiateUrl(), { body: order(overrides) })).body;

  before(async () => {
    khalti = await startFakeKhalti();
  });
  after(() => khalti.close());

  it('listens on loopback and names its API base', () => {
    assert.match(khalti.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(khalti.baseUrl, `${khalti.url}/api/v2/`);
  });

  it('refuses a missing or wrong key with 401', async () => {
    for (const key of [null, 'wrong-key']) {
      const answer = await callJson(initiateUrl(), { body: order(), key });
      assert.equal(answer.status, 401);
      assert.deepEqual(answer.body, { detail: 'Invalid token.', status_code: 401 });
    }
    assert.equal((await callJson(lookupUrl(), { body: { pidx: 'x' }, key: 'wrong' })).status, 401);
    assert.equal((await callJson(refundUrl('x'), { key: 'wrong' })).status, 401);
  });

  it('validates initiate as Khalti does', async () => {
    const small = await callJson(initiateUrl(), { body: order({ amount: 999 }) });
    assert.equal(small.status, 400);
    assert.deepEqual(small.body, {
      amount: ['Amount should be greater than Rs. 10, that is 1000 paisa.'],
      error_key: 'validation_error',
    });
    const { return_url: _omitted, ...withoutReturn } = order();
    const missing = await callJson(initiateUrl(), { body: withoutReturn });
    assert.deepEqual(missing.body, { return_url: ['This field is required.'], error_key: 'validation_error' });
    const several = await callJson(initiateUrl(), { body: { website_url: 'not a url', amount: 10.5 } });
    assert.equal(several.status, 400);
    assert.deepEqual(several.body.website_url, ['Enter a valid URL.']);
    assert.deepEqual(several.body.amount, ['A valid integer is required.']);
    assert.deepEqual(several.body.purchase_order_id, ['This field is required.']);
  });

  it('answers bad JSON with 400 and stays up', async () => {
    const answer = await callJson(initiateUrl(), { body: '{"amount":' });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.error_key, 'validation_error');
    assert.equal((await callJson(initiateUrl(), { body: order() })).status, 200);
  });

  it('initiates a payment for an hour and stores it', async () => {
    const before = Date.now();
    const answer = await callJson(initiateUrl(), { body: order() });
    assert.equal(answer.status, 200);
    const { pidx, payment_url, expires_at, expires_in } = answer.body;
    assert.match(pidx, /^[A-Za-z0-9]{22}$/);
    assert.equal(payment_url, `${khalti.url}/pay/${pidx}`);
    assert.equal(expires_in, 3600);
    assert.match(expires_at, /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?\+05:45$/);
    assert.ok(Math.abs(Date.parse(expires_at) - (before + 3_600_000)) < 5_000);
    const stored = khalti.payments.get(pidx);
    assert.equal(stored.amount, 150000);
    assert.equal(stored.purchase_order_id, 'HC-0001');
    assert.equal(stored.status, 'Initiated');
    assert.equal(stored.transaction_id, null);
    assert.equal(stored.refunded, false);
  });

  it('shows an accessible pay page and refuses wrong wallet details', async () => {
    const { pidx, payment_url } = await initiate();
    const page = await getPage(payment_url);
    assert.equal(page.status, 200);
    assertAccessible(page.html, ['Khalti ID', 'MPIN', 'OTP']);
    assert.match(page.html, /Two seats &#60;VIP&#62;/);
    assert.match(page.html, /Rs\. 1,500\.00/);
    assert.match(page.html, /<button type="submit">Pay<\/button>/);
    assert.match(page.html, /<button type="submit">Cancel<\/button>/);
    const wrong = await postForm(payment_url, { mobile: '9800000001', mpin: '1111', otp: '000000' });
    assert.ok([200, 400].includes(wrong.status));
    assert.match(wrong.html, /role="alert"/);
    assert.equal(wrong.location, null);
    assert.equal(khalti.payments.get(pidx).status, 'Initiated');
  });

  it('pays with a test wallet and sends the buyer back with the documented parameters', async () => {
    const { pidx, payment_url } = await initiate();
    const paid = await postForm(payment_url, { mobile: '9800000005', mpin: '1111', otp: '987654' });
    assert.equal(paid.status, 302);
    assert.ok(paid.location.startsWith('http://127.0.0.1:9/payments/khalti/return?booking=7&'));
    const params = new URL(paid.location).searchParams;
    const payment = khalti.payments.get(pidx);
    assert.equal(payment.status, 'Completed');
    assert.match(payment.transaction_id, /^[A-Za-z0-9]{22}$/);
    assert.deepEqual(Object.fromEntries(params), {
      booking: '7',
      pidx,
      txnId: payment.transaction_id,
      amount: '150000',
      total_amount: '150000',
      status: 'Completed',
      mobile: '98XXXXX005',
      tidx: payment.transaction_id,
      purchase_order_id: 'HC-0001',
      purchase_order_name: 'Two seats <VIP>',
      transaction_id: payment.transaction_id,
    });
    const again = await getPage(payment_url);
    assert.doesNotMatch(again.html, /<form/);
  });

  it('looks payments up: 200 when paid or open, 400 (same body) when expired or cancelled, 404 unknown', async () => {
    const { pidx } = await initiate();
    const open = await callJson(lookupUrl(), { body: { pidx } });
    assert.equal(open.status, 200);
    assert.deepEqual(open.body, {
      pidx,
      total_amount: 150000,
      status: 'Initiated',
      transaction_id: null,
      fee: 0,
      refunded: false,
    });
    khalti.complete(pidx);
    const paid = await callJson(lookupUrl(), { body: { pidx } });
    assert.equal(paid.status, 200);
    assert.equal(paid.body.status, 'Completed');
    assert.equal(paid.body.transaction_id, khalti.payments.get(pidx).transaction_id);
    khalti.setStatus(pidx, 'Pending');
    assert.equal((await callJson(lookupUrl(), { body: { pidx } })).body.status, 'Pending');
    khalti.setStatus(pidx, 'User canceled');
    const canceled = await callJson(lookupUrl(), { body: { pidx } });
    assert.equal(canceled.status, 400);
    assert.equal(canceled.body.status, 'User canceled');
    const unknown = await callJson(lookupUrl(), { body: { pidx: 'nope' } });
    assert.equal(unknown.status, 404);
    assert.deepEqual(unknown.body, { detail: 'Not found.', error_key: 'validation_error' });
  });

  it('expires an unpaid payment after its hour: lookup 400 Expired, the page says so', async () => {
    const { pidx, payment_url } = await initiate();
    khalti.payments.get(pidx).expiresAt = Date.now() - 1;
    const answer = await callJson(lookupUrl(), { body: { pidx } });
    assert.equal(answer.status, 400);
    assert.equal(answer.body.status, 'Expired');
    assert.match((await getPage(payment_url)).html, /expired/i);
  });

  it('cancels from the page, by POST or GET, back to return_url with empty ids', async () => {
    for (const method of ['POST', 'GET']) {
      const { pidx, payment_url } = await initiate({ return_url: 'http://127.0.0.1:9/back' });
      const cancel =
        method === 'POST' ? await postForm(`${payment_url}/cancel`, {}) : await getPage(`${payment_url}/cancel`);
      assert.equal(cancel.status, 302);
      assert.ok(cancel.location.startsWith('http://127.0.0.1:9/back?pidx='));
      assert.deepEqual(Object.fromEntries(new URL(cancel.location).searchParams), {
        pidx,
        status: 'User canceled',
        transaction_id: '',
        tidx: '',
        amount: '150000',
        total_amount: '150000',
        mobile: '',
        purchase_order_id: 'HC-0001',
        purchase_order_name: 'Two seats <VIP>',
      });
      assert.equal(khalti.payments.get(pidx).status, 'User canceled');
    }
  });

  it('refunds in full, in part, and refuses unknown or already refunded transactions', async () => {
    const full = await initiate();
    khalti.complete(full.pidx);
    const fullTransaction = khalti.payments.get(full.pidx).transaction_id;
    const refunded = await callJson(refundUrl(fullTransaction));
    assert.equal(refunded.status, 200);
    assert.deepEqual(refunded.body, { detail: 'Transaction refund successful.' });
    assert.equal(khalti.payments.get(full.pidx).status, 'Refunded');
    const lookedUp = await callJson(lookupUrl(), { body: { pidx: full.pidx } });
    assert.equal(lookedUp.body.status, 'Refunded');
    assert.equal(lookedUp.body.refunded, true);
    const twice = await callJson(refundUrl(fullTransaction));
    assert.equal(twice.status, 400);

    const part = await initiate();
    khalti.complete(part.pidx);
    const partTransaction = khalti.payments.get(part.pidx).transaction_id;
    assert.equal((await callJson(refundUrl(partTransaction), { body: { amount: 50000 } })).status, 200);
    assert.equal(khalti.payments.get(part.pidx).status, 'Partially Refunded');
    assert.equal(khalti.payments.get(part.pidx).refunded, true);
    assert.deepEqual(khalti.refunds.slice(-2), [
      { transactionId: fullTransaction, amount: 150000 },
      { transactionId: partTransaction, amount: 50000 },
    ]);

    const unknown = await callJson(refundUrl('NoSuchTransaction'));
    assert.equal(unknown.status, 404);
    assert.deepEqual(unknown.body, { detail: 'Transaction not found.' });
  });

  it('lets a test confirm another amount and read the return URL without a browser', async () => {
    const { pidx } = await initiate();
    const returnUrl = khalti.complete(pidx, { amount: 1000 });
    assert.equal(returnUrl, khalti.returnUrl(pidx));
    const params = new URL(returnUrl).searchParams;
    assert.equal(params.get('total_amount'), '1000');
    assert.equal(params.get('status'), 'Completed');
    assert.equal((await callJson(lookupUrl(), { body: { pidx } })).body.total_amount, 1000);
    assert.equal(khalti.payments.get(pidx).amount, 150000);
    const canceled = await initiate();
    assert.equal(new URL(khalti.cancel(canceled.pidx)).searchParams.get('status'), 'User canceled');
  });

  it('records every API call, and only API calls', async () => {
    const before = khalti.calls.length;
    const { pidx, payment_url } = await initiate();
    await getPage(payment_url);
    await callJson(lookupUrl(), { body: { pidx } });
    const calls = khalti.calls.slice(before);
    assert.deepEqual(
      calls.map((call) => `${call.method} ${call.path}`),
      ['POST /api/v2/epayment/initiate/', 'POST /api/v2/epayment/lookup/'],
    );
    assert.deepEqual(calls[1].body, { pidx });
    assert.equal(typeof calls[1].at, 'number');
  });

  it('answers unknown paths with 404 JSON and refuses a body over 64 KB', async () => {
    const unknown = await callJson(`${khalti.url}/api/v2/epayment/nothing/`);
    assert.equal(unknown.status, 404);
    assert.match(unknown.type, /application\/json/);
    const huge = await callJson(initiateUrl(), { body: { ...order(), padding: 'x'.repeat(70 * 1024) } });
    assert.equal(huge.status, 413);
    assert.equal((await callJson(lookupUrl(), { body: { pidx: 'nope' } })).status, 404);
  });

  it('plays outages: down, slow, reset, and back to normal', async () => {
    khalti.outage('down');
    const down = await callJson(lookupUrl(), { body: { pidx: 'x' } });
    assert.equal(down.status, 503);
    assert.match(down.type, /text\/html/);

    khalti.outage('slow');
    khalti.delayMs = 300;
    const started = performance.now();
    assert.equal((await callJson(lookupUrl(), { body: { pidx: 'nope' } })).status, 404);
    assert.ok(performance.now() - started >= 280);

    khalti.outage('reset');
    await assert.rejects(callJson(lookupUrl(), { body: { pidx: 'x' } }));

    khalti.outage(null);
    assert.equal((await callJson(lookupUrl(), { body: { pidx: 'nope' } })).status, 404);
    assert.throws(() => khalti.outage('flaky'));
  });

  it('closes promptly even with an answer held back', async () => {
    const slow = await startFakeKhalti();
    slow.outage('slow');
    const pending = callJson(`${slow.baseUrl}epayment/lookup/`, { body: { pidx: 'x' } });
    while (slow.calls.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    // Raced against a timer so that a close() that waits for the held answer fails here instead of hanging.
    const timedOut = new Promise((resolve) => setTimeout(() => resolve('timed out'), 1_000).unref());
    assert.notEqual(await Promise.race([slow.close(), timedOut]), 'timed out');
    await assert.rejects(pending);
  });
});

describe('fake eSewa', () => {
  let esewa;
  let nextUuid = 0;
  /** A form as the product's page posts it, signed like the product signs it. */
  const signedForm = (overrides = {}, names = 'total_amount,transaction_uuid,product_code') => {
    nextUuid += 1;
    const fields = {
      amount: '100',
      tax_amount: '10',
      product_service_charge: '0',
      product_delivery_charge: '0',
      total_amount: '110',
      transaction_uuid: `241028-${nextUuid}`,
      product_code: 'EPAYTEST',
      success_url: 'http://127.0.0.1:9/payments/esewa/success',
      failure_url: 'http://127.0.0.1:9/payments/esewa/failure?booking=7',
      signed_field_names: names,
      ...overrides,
    };
    return { ...fields, signature: overrides.signature ?? fakeSign(ESEWA_SECRET, fields, names) };
  };
  const statusOf = async ({ product_code = 'EPAYTEST', total_amount, transaction_uuid }) => {
    const query = new URLSearchParams({ product_code, total_amount, transaction_uuid });
    return callJson(`${esewa.statusUrl}?${query}`, { method: 'GET', key: null });
  };
  const decodeData = (location) => {
    const data = /[?&]data=([^&]*)/.exec(location)[1];
    return JSON.parse(Buffer.from(data, 'base64').toString('utf8'));
  };

  before(async () => {
    esewa = await startFakeEsewa();
  });
  after(() => esewa.close());

  it('signs as eSewa documents it', () => {
    const fields = { total_amount: '110', transaction_uuid: '241028', product_code: 'EPAYTEST' };
    const signature = fakeSign(ESEWA_SECRET, fields, 'total_amount,transaction_uuid,product_code');
    assert.equal(signature, 'i94zsd3oXF6ZsSr/kGqT4sSzYQzjj1W/waxjWyRwaME=');
  });

  it('names its addresses on loopback', () => {
    assert.match(esewa.url, /^http:\/\/127\.0\.0\.1:\d+$/);
    assert.equal(esewa.formUrl, `${esewa.url}/api/epay/main/v2/form`);
    assert.equal(esewa.statusUrl, `${esewa.url}/api/epay/transaction/status/`);
  });

  it('takes a well signed form and shows a login page; the status API says NOT_FOUND until paid', async () => {
    const form = signedForm();
    const page = await postForm(esewa.formUrl, form);
    assert.equal(page.status, 200);
    assertAccessible(page.html, ['eSewa ID', 'Password', 'Token']);
    assert.match(page.html, /<button type="submit">Pay<\/button>/);
    assert.match(page.html, /<button type="submit">Cancel<\/button>/);
    const stored = esewa.transactions.get(form.transaction_uuid);
    assert.equal(stored.status, 'NOT_PAID_YET');
    assert.equal(stored.total_amount, '110');
    assert.equal(stored.success_url, form.success_url);
    const status = await statusOf(form);
    assert.equal(status.status, 200);
    assert.deepEqual(status.body, {
      product_code: 'EPAYTEST',
      transaction_uuid: form.transaction_uuid,
      total_amount: 110,
      status: 'NOT_FOUND',
      ref_id: null,
    });
  });

  it('refuses a bad form with a 400 page that says why', async () => {
    const cases = [
      [signedForm({ signature: 'i94zsd3oXF6ZsSr/kGqT4sSzYQzjj1W/waxjWyRwaME=' }), /signature/],
      [{ ...signedForm(), total_amount: '1' }, /signature|sum/],
      [signedForm({ total_amount: '111' }), /sum/],
      [signedForm({ transaction_uuid: 'bad uuid!' }), /transaction_uuid/],
      [signedForm({ product_code: 'OTHER' }), /product_code/],
      [signedForm({}, 'total_amount,transaction_uuid'), /signed_field_names/],
      [(({ tax_amount: _omitted, ...rest }) => rest)(signedForm()), /tax_amount/],
    ];
    for (const [form, why] of cases) {
      const page = await postForm(esewa.formUrl, form);
      assert.equal(page.status, 400, `expected 400 for ${JSON.stringify(form)}`);
      assert.match(page.html, /role="alert"/);
      assert.match(page.html, why);
    }
  });

  it('accepts a signature over more fields, taken as the exact strings sent', async () => {
    const form = signedForm(
      { amount: '1000.0', tax_amount: '0', total_amount: '1000.00' },
      'total_amount,transaction_uuid,product_code,amount',
    );
    assert.equal((await postForm(esewa.formUrl, form)).status, 200);
  });

  it('pays with a test account and returns signed data to success_url', async () => {
    const form = signedForm();
    await postForm(esewa.formUrl, form);
    const payUrl = `${esewa.url}/pay/${form.transaction_uuid}`;
    const wrong = await postForm(payUrl, { esewa_id: '9806800001', password: 'nope', token: '123456' });
    assert.match(wrong.html, /role="alert"/);
    assert.equal(wrong.location, null);

    const paid = await postForm(payUrl, { esewa_id: '9806800003', password: 'Nepal@123', token: '123456' });
    assert.equal(paid.status, 302);
    assert.ok(paid.location.startsWith(`${form.success_url}?data=`));
    // Raw base64, and still what any query parser reads back: no '+' to turn into a space.
    assert.equal(new URL(paid.location).searchParams.get('data'), /data=(.*)$/.exec(paid.location)[1]);
    const stored = esewa.transactions.get(form.transaction_uuid);
    assert.equal(stored.status, 'COMPLETE');
    const data = decodeData(paid.location);
    assert.deepEqual(Object.keys(data), [
      'transaction_code',
      'status',
      'total_amount',
      'transaction_uuid',
      'product_code',
      'signed_field_names',
      'signature',
    ]);
    assert.equal(data.transaction_code, stored.refId);
    assert.match(data.transaction_code, /^[0-9A-Z]{7}$/);
    assert.equal(data.status, 'COMPLETE');
    assert.equal(data.total_amount, '110.0');
    assert.equal(data.transaction_uuid, form.transaction_uuid);
    assert.equal(data.product_code, 'EPAYTEST');
    assert.equal(
      data.signed_field_names,
      'transaction_code,status,total_amount,transaction_uuid,product_code,signed_field_names',
    );
    assert.equal(data.signature, fakeSign(ESEWA_SECRET, data, data.signed_field_names));

    const status = await statusOf({ ...form, total_amount: '110.0' });
    assert.equal(status.body.status, 'COMPLETE');
    assert.equal(status.body.ref_id, stored.refId);
    assert.equal(status.body.total_amount, 110);
    assert.equal((await statusOf({ ...form, total_amount: '100' })).body.status, 'NOT_FOUND');
    assert.equal((await statusOf({ ...form, product_code: 'OTHER' })).body.status, 'NOT_FOUND');
    assert.equal((await postForm(esewa.formUrl, form)).status, 400, 'a paid uuid cannot be posted again');
  });

  it('keeps a fractional total as it is in the signed data, and appends data with & to a query', async () => {
    const form = signedForm({
      amount: '110.5',
      tax_amount: '0',
      total_amount: '110.5',
      success_url: 'http://127.0.0.1:9/ok?booking=7',
    });
    await postForm(esewa.formUrl, form);
    const paid = await postForm(`${esewa.url}/pay/${form.transaction_uuid}`, {
      esewa_id: '9806800001',
      password: 'Nepal@123',
      token: '123456',
    });
    assert.ok(paid.location.startsWith('http://127.0.0.1:9/ok?booking=7&data='));
    assert.equal(decodeData(paid.location).total_amount, '110.5');
  });

  it('cancels back to failure_url unchanged; the status API then says CANCELED', async () => {
    const form = signedForm();
    await postForm(esewa.formUrl, form);
    const cancel = await postForm(`${esewa.url}/pay/${form.transaction_uuid}/cancel`, {});
    assert.equal(cancel.status, 302);
    assert.equal(cancel.location, form.failure_url);
    assert.equal((await statusOf(form)).body.status, 'CANCELED');
  });

  it('lets a test complete without a browser, sign another total, and force any status', async () => {
    const form = signedForm({ amount: '1000', tax_amount: '0', total_amount: '1000' });
    await postForm(esewa.formUrl, form);
    const url = esewa.complete(form.transaction_uuid);
    assert.equal(decodeData(url).total_amount, '1000.0');
    assert.equal(url, `${form.success_url}?data=${esewa.successData(form.transaction_uuid)}`);
    const tampered = decodeData(esewa.complete(form.transaction_uuid, { totalAmount: 10 }));
    assert.equal(tampered.total_amount, '10.0');
    assert.equal(tampered.signature, fakeSign(ESEWA_SECRET, tampered, tampered.signed_field_names));
    for (const status of ['PENDING', 'AMBIGUOUS', 'FULL_REFUND', 'PARTIAL_REFUND', 'CANCELED', 'COMPLETE']) {
      esewa.setStatus(form.transaction_uuid, status);
      assert.equal((await statusOf(form)).body.status, status);
    }
  });

  it('records status calls and answers unknown paths with 404 JSON', async () => {
    const before = esewa.calls.length;
    await statusOf({ total_amount: '1', transaction_uuid: 'none' });
    const [call] = esewa.calls.slice(before);
    assert.equal(call.method, 'GET');
    assert.equal(call.query.transaction_uuid, 'none');
    const unknown = await callJson(`${esewa.url}/api/epay/other`, { method: 'GET', key: null });
    assert.equal(unknown.status, 404);
    assert.match(unknown.type, /application\/json/);
  });

  it('plays outages on the status API', async () => {
    const query = { total_amount: '1', transaction_uuid: 'none' };
    esewa.outage('down');
    const down = await statusOf(query);
    assert.equal(down.status, 503);
    assert.match(down.type, /text\/html/);
    esewa.outage('slow');
    esewa.delayMs = 300;
    const started = performance.now();
    assert.equal((await statusOf(query)).body.status, 'NOT_FOUND');
    assert.ok(performance.now() - started >= 280);
    esewa.outage('reset');
    await assert.rejects(statusOf(query));
    esewa.outage(null);
    assert.equal((await statusOf(query)).status, 200);
  });
});
