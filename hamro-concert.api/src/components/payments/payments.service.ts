import { randomBytes } from 'node:crypto';
import type { Logger } from 'pino';
import type { Db } from '../../db/client.js';
import { AppError, conflict, notFound } from '../../http/errors.js';
import type { SeatInventories } from '../seats/seats.feed.js';
import {
  formatCents,
  offeredPaymentMethods,
  PAYMENT_METHODS,
  type OnlinePaymentMethod,
  type PaymentAttempt,
  type PaymentMethod,
  type PaymentOptions,
  type PaymentResult,
  type PaymentStart,
} from 'hamro-concert.contracts';
import { esewaForm, esewaStatus, readEsewaReturn } from './payments.esewa.js';
import { KHALTI_MINIMUM_PAISA, khaltiInitiate, khaltiLookup, KhaltiRefused } from './payments.khalti.js';
import { ProviderUnreachable, type ProviderAnswer } from './payments.providers.js';
import type { ClaimedPayment } from './payments.reconciler.repository.js';
import { Reconciler } from './payments.reconciler.js';
import { Refunds } from './payments.refunds.js';
import * as repository from './payments.repository.js';
import type { PaymentSettings } from './payments.settings.js';

/** After an eSewa attempt's booking window, how long a "not found" may still turn into a payment. */
const ESEWA_GRACE_MS = 10 * 60_000;

const providerUnavailable = (method: OnlinePaymentMethod) =>
  new AppError(
    503,
    'payment-provider-unavailable',
    `${method === 'khalti' ? 'Khalti' : 'eSewa'} is not answering right now; your seats stay held, try again in a moment.`,
    { method },
    { 'Retry-After': '5' },
  );

/** Where payments report what happened, for the metrics. */
export interface PaymentEvents {
  settled(method: string, outcome: string): void;
  refunded(method: string, by: 'provider' | 'hand'): void;
  round(seconds: number): void;
}

/**
 * Payments: starting an attempt with a provider, reading what the provider says when the buyer
 * comes back or when the reconciler asks, and turning that into the booking's state through the
 * one statement that marks it paid (see settlePayment). Its refunds and its reconciler are its parts.
 */
export class Payments {
  readonly refunds: Refunds;
  readonly reconciler: Reconciler;

  constructor(
    private readonly db: Db,
    readonly settings: PaymentSettings,
    private readonly inventories: SeatInventories,
    private readonly logger: Logger,
    private readonly events: PaymentEvents = { settled: () => {}, refunded: () => {}, round: () => {} },
  ) {
    this.refunds = new Refunds(db, settings, logger, events);
    this.reconciler = new Reconciler(
      db,
      settings,
      async (payment) => this.settle(payment, await this.ask(payment)),
      this.refunds,
      inventories,
      logger,
      events,
    );
  }

  get testMode(): boolean {
    return this.settings.mode === 'test';
  }

  /** The ways this server can take: the door always, each provider once its keys are set. */
  get serverMethods(): PaymentMethod[] {
    return PAYMENT_METHODS.filter((method) => method === 'door' || this.settings[method] !== undefined);
  }

  options(): PaymentOptions {
    return { testMode: this.testMode, methods: this.serverMethods };
  }

  /** Refuses a way to pay this server cannot take, before any seat is touched. */
  assertServerTakes(method: PaymentMethod): void {
    if (!this.serverMethods.includes(method))
      throw conflict('payment-method-not-offered', `Paying with ${method} is not set up on this server.`, {
        offered: this.serverMethods,
      });
  }

  /** Starts an attempt to pay an awaiting booking (where to send the buyer), or switches it to the door. */
  async start(reference: string, email: string, method: PaymentMethod): Promise<PaymentStart> {
    this.assertServerTakes(method);
    if (method === 'door') return this.switchToDoor(await this.payableBooking(reference, email, method));
    const attempt = await repository.insertAttempt(this.db, {
      reference,
      email,
      method,
      suffix: randomBytes(4).toString('hex'),
      khaltiMinimum: KHALTI_MINIMUM_PAISA,
      graceSeconds: ESEWA_GRACE_MS / 1000,
      firstCheckSeconds: this.settings.reconcileIntervalMs / 1000,
    });
    // No attempt: the booking is not one that may start this one; its state says why.
    if (!attempt) throw await this.whyNot(reference, email, method);
    const base = { id: attempt.orderId, method, amount: formatCents(attempt.amountCents), testMode: this.testMode };
    if (method === 'esewa') {
      const form = esewaForm(this.settings.esewa!, attempt, {
        success: `${this.settings.publicBaseUrl}/payments/esewa/return`,
        failure: `${this.settings.publicBaseUrl}/payments/esewa/failure?order=${attempt.orderId}`,
      });
      return { ...base, redirectUrl: null, form };
    }
    return { ...base, redirectUrl: await this.startKhalti(attempt), form: null };
  }

  /** The awaiting booking, or the refusal that says why it may not be paid this way. */
  private async payableBooking(
    reference: string,
    email: string,
    method: PaymentMethod,
  ): Promise<repository.PayableBooking> {
    const booking = await repository.findPayableBooking(this.db, reference, email);
    if (!booking) throw notFound('booking-not-found', 'No booking matches this reference and email.');
    if (booking.status !== 'awaiting_payment' || booking.overdue)
      throw conflict('booking-not-awaiting-payment', 'This booking is not awaiting a payment.', {
        status: booking.overdue ? 'expired' : booking.status,
      });
    const offered = offeredPaymentMethods(booking, this.serverMethods);
    if (!offered.includes(method) || (method === 'khalti' && booking.totalCents < KHALTI_MINIMUM_PAISA))
      throw conflict('payment-method-not-offered', `This booking cannot be paid with ${method}.`, { offered });
    return booking;
  }

  private async whyNot(reference: string, email: string, method: PaymentMethod): Promise<AppError> {
    try {
      await this.payableBooking(reference, email, method);
    } catch (error) {
      if (error instanceof AppError) return error;
      throw error;
    }
    // It became payable between the two reads (it cannot, once refused): say so rather than guess.
    return conflict('conflict', 'This booking changed while the payment was starting; try again.');
  }

  private async switchToDoor(booking: repository.PayableBooking): Promise<PaymentStart> {
    if (!(await repository.switchToDoor(this.db, booking.id)))
      throw conflict('booking-not-awaiting-payment', 'This booking is not awaiting a payment.');
    return {
      id: booking.reference,
      method: 'door',
      amount: formatCents(booking.totalCents),
      testMode: this.testMode,
      redirectUrl: null,
      form: null,
    };
  }

  private async startKhalti(attempt: NonNullable<Awaited<ReturnType<typeof repository.insertAttempt>>>) {
    try {
      const started = await khaltiInitiate(
        this.settings.khalti!,
        {
          orderId: attempt.orderId,
          name: `${attempt.concertTitle}: ${attempt.reference}`.slice(0, 100),
          amountCents: attempt.amountCents,
          returnUrl: `${this.settings.publicBaseUrl}/payments/khalti/return`,
          websiteUrl: this.settings.publicBaseUrl,
          customer: { name: attempt.userName, email: attempt.userEmail },
        },
        this.settings.providerTimeoutMs,
      );
      await repository.recordProviderStart(this.db, attempt.id, started.pidx, started.expiresAt);
      return started.paymentUrl;
    } catch (error) {
      // The buyer never reached Khalti, so nothing can have been paid on this attempt.
      await repository.settleUnpaid(this.db, attempt.id, 'not started');
      if (error instanceof ProviderUnreachable) throw providerUnavailable('khalti');
      if (error instanceof KhaltiRefused) {
        this.logger.error({ details: error.details, orderId: attempt.orderId }, 'Khalti refused to start a payment');
        throw providerUnavailable('khalti');
      }
      throw error;
    }
  }

  /** The buyer is back from Khalti: only the lookup decides, whatever the return URL says. */
  async khaltiReturn(pidx: string): Promise<{ reference: string | null; result: PaymentResult }> {
    const payment = this.settings.khalti
      ? await repository.findPayment(this.db, { method: 'khalti', providerRef: pidx })
      : undefined;
    if (!payment) return { reference: null, result: 'failed' };
    return { reference: payment.reference, result: await this.check(payment) };
  }

  /**
   * The buyer is back from eSewa with signed `data`. The signature proves eSewa wrote it, not that it is
   * fresh or for this amount, so the status API is asked with the values we stored.
   */
  async esewaReturn(data: string): Promise<{ reference: string; result: PaymentResult }> {
    const said = this.settings.esewa && readEsewaReturn(this.settings.esewa, data);
    if (!said) throw new AppError(400, 'payment-signature-invalid', 'This is not a payment answer signed by eSewa.');
    const payment = await repository.findPayment(this.db, { orderId: said.transactionUuid });
    if (!payment || payment.method !== 'esewa')
      throw notFound('payment-not-found', 'No payment of ours has this transaction id.');
    return { reference: payment.reference, result: await this.check(payment) };
  }

  /** The buyer left eSewa without paying, or so the unsigned failure return says: asked, not believed. */
  async esewaFailure(orderId: string): Promise<{ reference: string | null; result: PaymentResult }> {
    const payment = await repository.findPayment(this.db, { orderId });
    if (!payment) return { reference: null, result: 'failed' };
    const result = await this.check(payment);
    return { reference: payment.reference, result: result === 'confirming' ? 'cancelled' : result };
  }

  /** Asks the provider about one attempt and settles what it says; the buyer's page shows the result. */
  private async check(payment: repository.KnownPayment): Promise<PaymentResult> {
    if (payment.state === 'completed') return payment.refundState ? 'failed' : 'paid';
    if (payment.state === 'mismatch') return 'failed';
    return this.settle(payment, await this.ask(payment));
  }

  private ask(payment: ClaimedPayment): Promise<ProviderAnswer> {
    const timeout = this.settings.providerTimeoutMs;
    if (payment.method === 'esewa') {
      if (!this.settings.esewa) return Promise.resolve({ kind: 'unreachable', status: 'eSewa is not set up' });
      return esewaStatus(this.settings.esewa, payment, timeout);
    }
    if (!this.settings.khalti) return Promise.resolve({ kind: 'unreachable', status: 'Khalti is not set up' });
    // An attempt whose initiate never answered was never shown to the buyer.
    if (!payment.providerRef) return Promise.resolve({ kind: payment.ended ? 'unpaid' : 'not-yet', status: 'no pidx' });
    return khaltiLookup(this.settings.khalti, payment.providerRef, timeout);
  }

  /** Turns a provider's answer into the attempt's and the booking's state. */
  private async settle(payment: ClaimedPayment, answer: ProviderAnswer): Promise<PaymentResult> {
    if (answer.kind !== 'paid') this.events.settled(payment.method, answer.kind);
    switch (answer.kind) {
      case 'paid': {
        const settled = await repository.settlePaid(this.db, {
          paymentId: payment.id,
          amountCents: answer.amountCents,
          transactionId: answer.transactionId,
          providerStatus: answer.status,
        });
        if (!settled) return 'failed';
        this.events.settled(payment.method, settled.verdict);
        this.inventories.applyBooked(settled.retaken);
        if (settled.verdict === 'mismatch')
          this.logger.warn(
            { orderId: payment.orderId, asked: payment.amountCents, confirmed: answer.amountCents },
            'a provider confirmed another amount than the booking asked; the booking stays unpaid and the money is owed back',
          );
        if (settled.verdict === 'refund' || settled.verdict === 'mismatch') {
          await this.refunds.sendDue();
          return 'failed';
        }
        return settled.verdict === 'already' ? this.resultOf(payment.id) : 'paid';
      }
      case 'unpaid':
        await repository.settleUnpaid(this.db, payment.id, answer.status);
        return 'cancelled';
      case 'not-yet':
        if (payment.ended) {
          await repository.settleUnpaid(this.db, payment.id, answer.status);
          return 'cancelled';
        }
        await repository.noteWaiting(this.db, payment.id, answer.status);
        return 'confirming';
      case 'refunded':
        await repository.settleUnpaid(this.db, payment.id, answer.status);
        return 'cancelled';
      case 'waiting':
        await repository.noteWaiting(this.db, payment.id, answer.status);
        return 'confirming';
      case 'unreachable':
        this.logger.warn(
          { orderId: payment.orderId, reason: answer.status },
          'a payment provider gave no usable answer; asking again later',
        );
        return 'confirming';
    }
  }

  /** What the buyer's page says of an attempt settled earlier. */
  private async resultOf(paymentId: string): Promise<PaymentResult> {
    const payment = await repository.findPaymentById(this.db, paymentId);
    return payment?.state === 'completed' && !payment.refundState ? 'paid' : 'failed';
  }

  /** A booking's attempts, as its answers show them. */
  async attempts(bookingId: string): Promise<PaymentAttempt[]> {
    const rows = await repository.attemptsOf(this.db, bookingId);
    return rows.map((row) => ({
      id: row.orderId,
      method: row.method as OnlinePaymentMethod,
      state: row.state,
      amount: formatCents(row.amountCents),
      createdAt: row.createdAt.toISOString(),
      completedAt: row.completedAt?.toISOString() ?? null,
      refund: row.refundState
        ? {
            state: row.refundState,
            amount: formatCents(row.confirmedCents ?? row.amountCents),
            by: (row.refundedBy as 'provider' | 'hand' | null) ?? null,
            at: row.refundedAt?.toISOString() ?? null,
          }
        : null,
    }));
  }

  /** The door took the cash of a booking to be paid there. */
  async collectCash(reference: string): Promise<{ reference: string; amount: string; collectedAt: string }> {
    const collected = await repository.collectCash(this.db, reference);
    if (!collected) throw conflict('nothing-to-collect', 'This booking has nothing left to pay at the door.');
    return { reference, amount: formatCents(collected.totalCents), collectedAt: collected.at.toISOString() };
  }
}
