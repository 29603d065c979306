import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { esewaSignature, rupeesFromPaisa, paisaFromRupees } from '../src/components/payments/payments.esewa.js';
import { buildConcert, buyer, seatsOf } from './factories.js';
import {
  KHALTI_TEST_KEY,
  postEsewaForm,
  startFakeEsewa,
  startFakeKhalti,
  type FakeEsewa,
  type FakeKhalti,
} from './fakes.js';
import { type TestApp, get, post, startTestApp } from './harness.js';
import { expectConsistent } from './invariants.js';

let app: TestApp;
let khalti: FakeKhalti;
let esewa: FakeEsewa;

beforeAll(async () => {
  [khalti, esewa] = await Promise.all([startFakeKhalti(), startFakeEsewa()]);
  app = await startTestApp({
    payments: {
      khalti: { secretKey: KHALTI_TEST_KEY, baseUrl: khalti.baseUrl },
      esewa: {
        productCode: 'EPAYTEST',
        secretKey: '8gBm/:&EnhH.1/q',
        formUrl: esewa.formUrl,
        statusUrl: esewa.statusUrl,
      },
      publicBaseUrl: 'http://shop.test',
      providerTimeoutMs: 500,
      reconcileIntervalMs: 600_000,
    },
  });
});
afterAll(async () => {
  await app.close();
  await Promise.all([khalti.close(), esewa.close()]);
});

const db = () => app.database.db;

/** Books `count` seats of a new concert (or the given one) to be paid with `method`. */
async function awaitingBooking(method: 'khalti' | 'esewa', options: { concertId?: string; count?: number } = {}) {
  const concertId = options.concertId ?? (await buildConcert(app)).id;
  const free = (await seatsOf(app, concertId)).filter((seat) => !seat.isBooked);
  const who = buyer();
  const seatIds = free.slice(0, options.count ?? 2).map((seat) => seat.id);
  const booked = await post(app, '/ticket-bookings/seats', { ...who, seatIds, payment: method });
  expect(booked.status, JSON.stringify(booked.body)).toBe(201);
  const total = booked.body.totalAmount as string;
  const paisa = Math.round(Number(total) * 100);
  return { concertId, seatIds, who, reference: booked.body.reference as string, booking: booked.body, total, paisa };
}

async function startPayment(reference: string, email: string, method: 'khalti' | 'esewa' | 'door') {
  return post(app, `/bookings/${reference}/payments`, { email, method });
}

/** Follows a provider's return URL to our API as the buyer's browser would, without following our redirect. */
async function returnTo(url: string) {
  const ours = new URL(url);
  const response = await fetch(`${app.baseUrl}${ours.pathname}${ours.search}`, { redirect: 'manual' });
  await response.text();
  const location = response.headers.get('location');
  return { status: response.status, result: location && new URL(location).searchParams.get('result'), location };
}

async function bookingState(reference: string) {
  const { rows } = await db().execute<{ status: string; money: string; sales: number; payments: number }>(sql`
    select b.status, b.money, (select count(*)::int from sales s where s.booking_id = b.id) as sales,
      (select count(*)::int from payments p where p.booking_id = b.id and p.state = 'completed') as payments
    from bookings b where b.reference = ${reference}`);
  return rows[0]!;
}

/** Lets a booking's payment window run out, as the clock would. */
async function windowEnds(reference: string) {
  await db().execute(
    sql`update bookings set payment_due_at = now() - interval '1 second' where reference = ${reference}`,
  );
}

/** Khalti payments this app has marked paid, by its metrics. */
async function paidCount(): Promise<number> {
  const metrics = await app.metrics.text();
  return Number(/^hamro_payments_total\{method="khalti",outcome="paid"\} (\d+)$/m.exec(metrics)?.[1] ?? 0);
}

const pidxOf = (orderId: string) => [...khalti.payments.values()].find((p) => p.purchase_order_id === orderId)!.pidx;

describe("eSewa's signature", () => {
  it('when the known test vector is signed, then the signature is the one eSewa publishes', () => {
    const fields = { total_amount: '110', transaction_uuid: '241028', product_code: 'EPAYTEST' };
    expect(esewaSignature('8gBm/:&EnhH.1/q', fields, ['total_amount', 'transaction_uuid', 'product_code'])).toBe(
      'i94zsd3oXF6ZsSr/kGqT4sSzYQzjj1W/waxjWyRwaME=',
    );
  });

  it('when paisa become rupees and back, then only integer arithmetic is used and nothing is lost', () => {
    expect([rupeesFromPaisa(350000), rupeesFromPaisa(110050), rupeesFromPaisa(1005), rupeesFromPaisa(0)]).toEqual([
      '3500',
      '1100.50',
      '10.05',
      '0',
    ]);
    expect([
      paisaFromRupees('1000.0'),
      paisaFromRupees('1,100.5'),
      paisaFromRupees(110),
      paisaFromRupees('1e3'),
    ]).toEqual([100000, 110050, 11000, undefined]);
  });
});

describe('checkout with a way to pay', () => {
  it('when a buyer books without saying how to pay, then the concert that takes cash books them at once with tickets to pay at the door', async () => {
    const concert = await buildConcert(app);
    const [seat] = await seatsOf(app, concert.id);
    const booked = await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [seat!.id] });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({
      status: 'confirmed',
      payment: { method: 'door', state: 'at_door', testMode: true },
    });
    expect(booked.body.tickets).toHaveLength(1);
    await expectConsistent(app, concert.id);
  });

  it('when a buyer chooses Khalti, then the booking awaits payment: seats taken, no tickets, no sale yet', async () => {
    const { reference, booking, concertId } = await awaitingBooking('khalti');
    expect(booking).toMatchObject({
      status: 'awaiting_payment',
      tickets: [],
      payment: { method: 'khalti', state: 'awaiting' },
    });
    expect(new Date(booking.payment.dueAt).getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
    expect(await bookingState(reference)).toMatchObject({ status: 'awaiting_payment', sales: 0 });
    const map = await get(app, `/seats/concert/${concertId}`);
    expect(map.body.seats.filter((s: { isBooked: boolean }) => s.isBooked)).toHaveLength(2);
    await expectConsistent(app, concertId);
  });

  it('when a concert does not take the chosen way, then the booking is refused with the ways it does take', async () => {
    const concert = await buildConcert(app, { paymentMethods: ['esewa'] });
    const [seat] = await seatsOf(app, concert.id);
    const plain = await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [seat!.id] });
    expect(plain.status).toBe(409);
    expect(plain.body.code).toBe('payment-method-not-offered');
    const usd = await buildConcert(app, { currency: 'USD' });
    expect(usd.paymentMethods).toEqual(['door']);
    const [usdSeat] = await seatsOf(app, usd.id);
    const online = await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds: [usdSeat!.id], payment: 'esewa' });
    expect(online.body.code).toBe('payment-method-not-offered');
    expect(await expectConsistent(app, concert.id)).toBeUndefined();
  });
});

describe('Khalti', () => {
  it('when the buyer pays and comes back, then the lookup decides: paid once, tickets issued, sales written', async () => {
    const { reference, who, concertId, paisa, booking } = await awaitingBooking('khalti');
    // Booked to pay with Khalti, the attempt is started already: the answer says where to go.
    const started = { body: booking.paymentStart };
    expect(started.body).toMatchObject({ method: 'khalti', testMode: true });
    expect(started.body.redirectUrl).toMatch(new RegExp(`^${khalti.url}/pay/`));
    const initiate = khalti.calls.find(
      (call) =>
        call.path.endsWith('/epayment/initiate/') &&
        (call.body as { purchase_order_id: string }).purchase_order_id === started.body.id,
    )!;
    expect(initiate.body).toMatchObject({ amount: paisa, return_url: 'http://shop.test/payments/khalti/return' });

    const back = await returnTo(khalti.complete(pidxOf(started.body.id)));
    expect(back).toMatchObject({ status: 303, result: 'paid' });
    expect(back.location).toBe(`http://shop.test/payment?reference=${reference}&result=paid`);
    expect(await bookingState(reference)).toMatchObject({ status: 'confirmed', money: 'paid', sales: 1, payments: 1 });
    const details = await get(app, `/bookings/${reference}?email=${encodeURIComponent(who.userEmail)}`);
    expect(details.body.tickets).toHaveLength(2);
    expect(details.body.payment.attempts).toMatchObject([{ method: 'khalti', state: 'completed', refund: null }]);
    await expectConsistent(app, concertId);
  });

  it('when 20 returns, a replayed one and the reconciler race for one payment, then it is paid exactly once', async () => {
    const { reference, who, concertId } = await awaitingBooking('khalti', { count: 3 });
    const started = await startPayment(reference, who.userEmail, 'khalti');
    const url = khalti.complete(pidxOf(started.body.id));
    await db().execute(sql`update payments set next_check_at = now() where order_id = ${started.body.id}`);
    const paidBefore = await paidCount();
    const [returns] = await Promise.all([
      Promise.all(Array.from({ length: 20 }, () => returnTo(url))),
      app.payments.reconciler.round(),
    ]);
    expect(returns.map((r) => r.result)).toEqual(Array(20).fill('paid'));
    // Exactly one of them paid it, as the metrics count too.
    expect((await paidCount()) - paidBefore).toBe(1);
    expect((await returnTo(url)).result).toBe('paid');
    expect(await bookingState(reference)).toMatchObject({ status: 'confirmed', money: 'paid', sales: 1, payments: 1 });
    await expectConsistent(app, concertId);
  });

  it('when the provider confirms another amount, then the booking stays unpaid and the money goes back', async () => {
    const { reference, who, concertId } = await awaitingBooking('khalti');
    const started = await startPayment(reference, who.userEmail, 'khalti');
    const back = await returnTo(khalti.complete(pidxOf(started.body.id), { amount: 1000 }));
    expect(back.result).toBe('failed');
    expect(await bookingState(reference)).toMatchObject({ status: 'awaiting_payment', sales: 0 });
    const [payment] = (
      await db().execute<{ state: string; refund_state: string; confirmed_cents: string }>(
        sql`select state, refund_state, confirmed_cents::text from payments where order_id = ${started.body.id}`,
      )
    ).rows;
    expect(payment).toEqual({ state: 'mismatch', refund_state: 'done', confirmed_cents: '1000' });
    expect(khalti.payments.get(pidxOf(started.body.id))!.status).toBe('Refunded');
    await expectConsistent(app, concertId);
  });

  it('when the lookup says Pending, then the buyer is told it is confirming, and the reconciler pays it once Khalti completes it', async () => {
    const { reference, who, concertId } = await awaitingBooking('khalti');
    const started = await startPayment(reference, who.userEmail, 'khalti');
    const pidx = pidxOf(started.body.id);
    khalti.setStatus(pidx, 'Pending');
    expect((await returnTo(`http://shop.test/payments/khalti/return?pidx=${pidx}&status=Completed`)).result).toBe(
      'confirming',
    );
    expect(await bookingState(reference)).toMatchObject({ status: 'awaiting_payment' });
    khalti.complete(pidx);
    await db().execute(sql`update payments set next_check_at = now() where order_id = ${started.body.id}`);
    expect((await app.payments.reconciler.round()).checked).toBeGreaterThanOrEqual(1);
    expect(await bookingState(reference)).toMatchObject({ status: 'confirmed', money: 'paid', sales: 1 });
    await expectConsistent(app, concertId);
  });

  it('when the buyer cancels at Khalti, then pays with eSewa, then the booking is paid by eSewa once', async () => {
    const { reference, who, concertId, booking } = await awaitingBooking('khalti');
    const first = { body: booking.paymentStart };
    expect((await returnTo(khalti.cancel(pidxOf(first.body.id)))).result).toBe('cancelled');
    expect(await bookingState(reference)).toMatchObject({ status: 'awaiting_payment' });

    const second = await startPayment(reference, who.userEmail, 'esewa');
    expect(second.status).toBe(201);
    expect(second.body.form.action).toBe(esewa.formUrl);
    expect((await postEsewaForm(esewa, second.body.form)).status).toBe(200);
    expect((await returnTo(esewa.complete(second.body.id))).result).toBe('paid');
    const details = await get(app, `/bookings/${reference}?email=${encodeURIComponent(who.userEmail)}`);
    expect(details.body.payment).toMatchObject({ method: 'esewa', state: 'paid' });
    expect(details.body.payment.attempts.map((a: { state: string }) => a.state)).toEqual(['unpaid', 'completed']);
    await expectConsistent(app, concertId);
  });

  it('when Khalti is down or slow, then starting answers 503 and a return waits, with nothing lost and no 500', async () => {
    const { reference, who, concertId } = await awaitingBooking('khalti');
    khalti.outage('down');
    const refused = await startPayment(reference, who.userEmail, 'khalti');
    expect(refused.status).toBe(503);
    expect(refused.body.code).toBe('payment-provider-unavailable');
    expect(refused.headers.get('retry-after')).toBeTruthy();
    khalti.outage(null);
    const started = await startPayment(reference, who.userEmail, 'khalti');
    const url = khalti.complete(pidxOf(started.body.id));
    khalti.outage('slow');
    try {
      const back = await returnTo(url);
      expect(back).toMatchObject({ status: 303, result: 'confirming' });
    } finally {
      khalti.outage(null);
    }
    expect(await bookingState(reference)).toMatchObject({ status: 'awaiting_payment' });
    await db().execute(sql`update payments set next_check_at = now() where order_id = ${started.body.id}`);
    await app.payments.reconciler.round();
    expect(await bookingState(reference)).toMatchObject({ status: 'confirmed', money: 'paid', sales: 1 });
    await expectConsistent(app, concertId);
  });
});

describe('eSewa', () => {
  it('when the form is signed, then the fake gateway accepts it, and the signed return with the status API pays the booking', async () => {
    const { reference, who, concertId, paisa } = await awaitingBooking('esewa');
    const started = await startPayment(reference, who.userEmail, 'esewa');
    const rupees = rupeesFromPaisa(paisa);
    expect(started.body.form.fields).toMatchObject({ total_amount: rupees, product_code: 'EPAYTEST', amount: rupees });
    expect((await postEsewaForm(esewa, started.body.form)).status).toBe(200);
    const back = await returnTo(esewa.complete(started.body.id));
    expect(back.result).toBe('paid');
    expect(esewa.calls.at(-1)!.query).toMatchObject({ total_amount: rupees, transaction_uuid: started.body.id });
    expect(await bookingState(reference)).toMatchObject({ status: 'confirmed', money: 'paid', sales: 1 });
    await expectConsistent(app, concertId);
  });

  it("when the return's data is tampered with, replayed or another booking's, then nothing is paid that was not", async () => {
    const paid = await awaitingBooking('esewa');
    const paidStart = await startPayment(paid.reference, paid.who.userEmail, 'esewa');
    await postEsewaForm(esewa, paidStart.body.form);
    const paidReturn = esewa.complete(paidStart.body.id);
    expect((await returnTo(paidReturn)).result).toBe('paid');

    const victim = await awaitingBooking('esewa', { concertId: paid.concertId });
    const victimStart = await startPayment(victim.reference, victim.who.userEmail, 'esewa');
    await postEsewaForm(esewa, victimStart.body.form);

    // The paid booking's data, its uuid changed to the unpaid one: the signature no longer matches.
    const data = JSON.parse(Buffer.from(esewa.successData(paidStart.body.id), 'base64').toString());
    const forged = Buffer.from(JSON.stringify({ ...data, transaction_uuid: victimStart.body.id })).toString('base64');
    const tampered = await fetch(`${app.baseUrl}/payments/esewa/return?data=${encodeURIComponent(forged)}`, {
      redirect: 'manual',
    });
    expect(tampered.status).toBe(400);
    expect(((await tampered.json()) as { code: string }).code).toBe('payment-signature-invalid');
    // Replayed as it was: it speaks of the paid booking only, which stays paid once.
    expect((await returnTo(paidReturn)).result).toBe('paid');
    // Signed with the test merchant's published key, COMPLETE for the unpaid one: a good signature, but
    // eSewa's status API, asked with our stored values, has no such payment, so it pays nothing.
    const claim: Record<string, string> = { ...data, transaction_uuid: victimStart.body.id };
    const names = String(data.signed_field_names).split(',');
    claim.signature = esewaSignature('8gBm/:&EnhH.1/q', claim, names);
    const signed = Buffer.from(JSON.stringify(claim)).toString('base64');
    expect((await returnTo(`http://shop.test/payments/esewa/return?data=${encodeURIComponent(signed)}`)).result).toBe(
      'confirming',
    );

    expect(await bookingState(paid.reference)).toMatchObject({ status: 'confirmed', sales: 1, payments: 1 });
    expect(await bookingState(victim.reference)).toMatchObject({ status: 'awaiting_payment', sales: 0, payments: 0 });
    await expectConsistent(app, paid.concertId);
  });

  it('when the status API says PENDING or AMBIGUOUS, then the booking waits; CANCELED ends the attempt', async () => {
    const { reference, who } = await awaitingBooking('esewa');
    const started = await startPayment(reference, who.userEmail, 'esewa');
    await postEsewaForm(esewa, started.body.form);
    const url = esewa.complete(started.body.id);
    esewa.setStatus(started.body.id, 'AMBIGUOUS');
    expect((await returnTo(url)).result).toBe('confirming');
    esewa.setStatus(started.body.id, 'CANCELED');
    expect((await returnTo(`http://shop.test/payments/esewa/failure?order=${started.body.id}`)).result).toBe(
      'cancelled',
    );
    expect(await bookingState(reference)).toMatchObject({ status: 'awaiting_payment', sales: 0 });
  });
});

describe('the payment window and late money', () => {
  it('when the window ends unpaid, then the reconciler frees the seats and gives back the buyer’s count', async () => {
    const { reference, concertId, seatIds } = await awaitingBooking('esewa');
    await windowEnds(reference);
    expect((await app.payments.reconciler.round()).expired).toBeGreaterThanOrEqual(1);
    expect(await bookingState(reference)).toMatchObject({ status: 'expired', money: 'unpaid' });
    const again = await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds });
    expect(again.status).toBe(201);
    await expectConsistent(app, concertId);
  });

  it('when money comes after the window and the seats are still free, then they are taken again and ticketed', async () => {
    const { reference, who, concertId } = await awaitingBooking('khalti');
    const started = await startPayment(reference, who.userEmail, 'khalti');
    await windowEnds(reference);
    await app.payments.reconciler.round();
    expect(await bookingState(reference)).toMatchObject({ status: 'expired' });
    expect((await returnTo(khalti.complete(pidxOf(started.body.id)))).result).toBe('paid');
    expect(await bookingState(reference)).toMatchObject({ status: 'confirmed', money: 'paid', sales: 1 });
    await expectConsistent(app, concertId);
  });

  it('when money comes after the window and the seats were sold again, then it is refunded through Khalti', async () => {
    const { reference, who, concertId, seatIds } = await awaitingBooking('khalti');
    const started = await startPayment(reference, who.userEmail, 'khalti');
    await windowEnds(reference);
    await app.payments.reconciler.round();
    expect((await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds })).status).toBe(201);
    const pidx = pidxOf(started.body.id);
    expect((await returnTo(khalti.complete(pidx))).result).toBe('failed');
    expect(await bookingState(reference)).toMatchObject({ status: 'expired', money: 'refunded', sales: 0 });
    expect(khalti.payments.get(pidx)!.status).toBe('Refunded');
    await expectConsistent(app, concertId);
  });

  it('when eSewa money comes for seats sold again, then the organizer sees a refund due and records it by hand', async () => {
    const { reference, who, concertId, seatIds, total } = await awaitingBooking('esewa');
    const started = await startPayment(reference, who.userEmail, 'esewa');
    await postEsewaForm(esewa, started.body.form);
    await windowEnds(reference);
    await app.payments.reconciler.round();
    expect((await post(app, '/ticket-bookings/seats', { ...buyer(), seatIds })).status).toBe(201);
    expect((await returnTo(esewa.complete(started.body.id))).result).toBe('failed');
    expect(await bookingState(reference)).toMatchObject({ status: 'expired', money: 'refund_due' });
    const due = await app.payments.refunds.due(concertId);
    expect(due).toMatchObject([{ paymentId: started.body.id, method: 'esewa', amount: total, reason: 'late' }]);
    await app.payments.refunds.byHand(started.body.id);
    expect(await bookingState(reference)).toMatchObject({ money: 'refunded' });
    await expect(app.payments.refunds.byHand(started.body.id)).rejects.toMatchObject({ code: 'refund-not-due' });
    await expectConsistent(app, concertId);
  });
});

describe('cancelling and the door', () => {
  it('when a buyer cancels a booking paid with Khalti, then it is refunded through the API and recorded', async () => {
    const { reference, who, concertId, total, booking } = await awaitingBooking('khalti');
    const started = { body: booking.paymentStart };
    await returnTo(khalti.complete(pidxOf(started.body.id)));
    const cancelled = await post(app, `/bookings/${reference}/cancel`, { email: who.userEmail });
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.payment.state).toBe('refunded');
    expect(cancelled.body.payment.attempts[0].refund).toMatchObject({
      state: 'done',
      by: 'provider',
      amount: total,
    });
    expect(khalti.payments.get(pidxOf(started.body.id))!.status).toBe('Refunded');
    await expectConsistent(app, concertId);
    // The buyer is owed three emails, written with each change: the tickets once paid, the cancellation, the refund.
    const { rows } = await db().execute<{ kind: string }>(sql`
      select o.kind from email_outbox o join bookings b on b.id = o.booking_id
      where b.reference = ${reference} order by o.id`);
    expect(rows.map((row) => row.kind)).toEqual(['tickets', 'cancelled', 'refunded']);
  });

  it('when the buyer switches to the door and is admitted, then the door collects the cash and the organizer sees it', async () => {
    const { reference, who, concertId, total } = await awaitingBooking('esewa');
    const switched = await startPayment(reference, who.userEmail, 'door');
    expect(switched.body).toMatchObject({ method: 'door', amount: total });
    const details = await get(app, `/bookings/${reference}?email=${encodeURIComponent(who.userEmail)}`);
    expect(details.body).toMatchObject({ status: 'confirmed', payment: { method: 'door', state: 'at_door' } });

    const staff = { authorization: 'Bearer staff-token-for-payments' };
    const door = await startTestApp({ tokens: { staff: staff.authorization.slice(7) } });
    try {
      const admitted = await post(door, '/check-in', { code: details.body.tickets[0].code, concertId }, staff);
      expect(admitted.body.collect).toEqual({ amount: total, currency: 'NPR', bookingReference: reference });
      const cash = await post(door, `/bookings/${reference}/cash`, undefined, staff);
      expect(cash.status).toBe(200);
      expect((await post(door, `/bookings/${reference}/cash`, undefined, staff)).body.code).toBe('nothing-to-collect');
      const second = await post(door, '/check-in', { code: details.body.tickets[1].code, concertId }, staff);
      expect(second.body.collect).toBeNull();
    } finally {
      await door.close();
    }
    expect(await bookingState(reference)).toMatchObject({ money: 'cash_collected', sales: 1 });
    await expectConsistent(app, concertId);
  });
});

describe("the providers' answers, as the product reads them", () => {
  it('when Khalti looks a payment up, then each of its statuses means what its documentation says, 400s included', async () => {
    const { khaltiLookup } = await import('../src/components/payments/payments.khalti.js');
    const settings = { secretKey: KHALTI_TEST_KEY, baseUrl: khalti.baseUrl };
    const { reference, who } = await awaitingBooking('khalti');
    const started = await startPayment(reference, who.userEmail, 'khalti');
    const pidx = pidxOf(started.body.id);
    const kinds: Record<string, string> = {};
    for (const status of [
      'Initiated',
      'Pending',
      'Completed',
      'Expired',
      'User canceled',
      'Refunded',
      'Partially Refunded',
    ]) {
      khalti.setStatus(pidx, status);
      kinds[status] = (await khaltiLookup(settings, pidx, 2000)).kind;
    }
    expect(kinds).toEqual({
      Initiated: 'not-yet',
      Pending: 'waiting',
      Completed: 'paid',
      Expired: 'unpaid',
      'User canceled': 'unpaid',
      Refunded: 'refunded',
      'Partially Refunded': 'refunded',
    });
    expect((await khaltiLookup({ ...settings, secretKey: 'wrong' }, pidx, 2000)).kind).toBe('unreachable');
    khalti.outage('down');
    try {
      expect((await khaltiLookup(settings, pidx, 2000)).kind).toBe('unreachable');
    } finally {
      khalti.outage(null);
    }
  });

  it("when eSewa's status API is asked, then each status means what its documentation says", async () => {
    const { esewaStatus } = await import('../src/components/payments/payments.esewa.js');
    const settings = {
      productCode: 'EPAYTEST',
      secretKey: '8gBm/:&EnhH.1/q',
      formUrl: esewa.formUrl,
      statusUrl: esewa.statusUrl,
    };
    const { reference, who } = await awaitingBooking('esewa');
    const started = await startPayment(reference, who.userEmail, 'esewa');
    const attempt = { orderId: started.body.id, amountCents: Math.round(Number(started.body.amount) * 100) };
    expect((await esewaStatus(settings, attempt, 2000)).kind).toBe('not-yet');
    await postEsewaForm(esewa, started.body.form);
    const kinds: Record<string, string> = {};
    for (const status of [
      'COMPLETE',
      'PENDING',
      'AMBIGUOUS',
      'NOT_FOUND',
      'CANCELED',
      'FULL_REFUND',
      'PARTIAL_REFUND',
    ]) {
      esewa.setStatus(started.body.id, status);
      kinds[status] = (await esewaStatus(settings, attempt, 2000)).kind;
    }
    expect(kinds).toEqual({
      COMPLETE: 'paid',
      PENDING: 'waiting',
      AMBIGUOUS: 'waiting',
      NOT_FOUND: 'not-yet',
      CANCELED: 'unpaid',
      FULL_REFUND: 'refunded',
      PARTIAL_REFUND: 'refunded',
    });
    // Asked with another amount than the one stored, eSewa knows no such payment.
    expect((await esewaStatus(settings, { ...attempt, amountCents: attempt.amountCents + 100 }, 2000)).kind).toBe(
      'not-yet',
    );
    esewa.outage('slow');
    try {
      expect((await esewaStatus(settings, attempt, 300)).kind).toBe('unreachable');
    } finally {
      esewa.outage(null);
    }
  });

  it('when Khalti refuses our key, then starting answers 503 (never 500) and the attempt is marked unpaid', async () => {
    const wrongKey = await startTestApp({
      payments: { khalti: { secretKey: 'not-the-key', baseUrl: khalti.baseUrl }, reconcileIntervalMs: 600_000 },
    });
    try {
      const concert = await buildConcert(wrongKey);
      const [seat] = await seatsOf(wrongKey, concert.id);
      const who = buyer();
      const booked = await post(wrongKey, '/ticket-bookings/seats', { ...who, seatIds: [seat!.id], payment: 'khalti' });
      const started = await post(wrongKey, `/bookings/${booked.body.reference}/payments`, {
        email: who.userEmail,
        method: 'khalti',
      });
      expect(started.status).toBe(503);
      expect(started.body.code).toBe('payment-provider-unavailable');
      const details = await get(
        wrongKey,
        `/bookings/${booked.body.reference}?email=${encodeURIComponent(who.userEmail)}`,
      );
      // The attempt the booking started and the one asked for again: neither reached Khalti.
      expect(booked.body.paymentStart).toBeNull();
      expect(details.body.status).toBe('awaiting_payment');
      expect(details.body.payment.attempts.map((a: { state: string }) => a.state)).toEqual(['unpaid', 'unpaid']);
    } finally {
      await wrongKey.close();
    }
  });

  it('when a booking paid with eSewa is cancelled, then its refund is due for the organizer, not lost', async () => {
    const { reference, who, concertId, total } = await awaitingBooking('esewa');
    const started = await startPayment(reference, who.userEmail, 'esewa');
    await postEsewaForm(esewa, started.body.form);
    await returnTo(esewa.complete(started.body.id));
    const cancelled = await post(app, `/bookings/${reference}/cancel`, { email: who.userEmail });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', payment: { state: 'refund_due' } });
    expect(await app.payments.refunds.due(concertId)).toMatchObject([
      { paymentId: started.body.id, amount: total, reason: 'cancelled' },
    ]);
    await expectConsistent(app, concertId);
  });
});
