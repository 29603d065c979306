import type { Logger } from 'pino';
import type { Db } from '../../db/client.js';
import { Repeat } from '../../lib/repeat.js';
import type { SeatInventories } from '../seats/seats.feed.js';
import * as repository from './payments.reconciler.repository.js';
import type { Refunds } from './payments.refunds.js';
import type { PaymentEvents } from './payments.service.js';
import type { PaymentSettings } from './payments.settings.js';

/** Attempts claimed at a time, and windows ended at a time, in one round. */
const CLAIM = 50;
const EXPIRE = 500;

/**
 * The reconciler every instance runs: so that a buyer who paid and closed the tab still gets the
 * tickets, the seats of those who did not pay come free when their window ends, and refunds go out.
 */
export class Reconciler {
  private readonly repeat: Repeat;

  constructor(
    private readonly db: Db,
    private readonly settings: PaymentSettings,
    private readonly settle: (payment: repository.ClaimedPayment) => Promise<unknown>,
    private readonly refunds: Refunds,
    private readonly inventories: SeatInventories,
    private readonly logger: Logger,
    private readonly events: PaymentEvents,
  ) {
    this.repeat = new Repeat(
      settings.reconcileIntervalMs,
      () => this.round(),
      (error) => logger.warn({ err: error }, 'a payment reconciler round failed; the next one tries again'),
    );
  }

  /**
   * One round: ask the providers about every attempt that is due (each instance claims its own),
   * end the windows that are over (freeing those seats on this instance at once, on the others through
   * the seat feed), send the refunds that are due.
   */
  async round(): Promise<{ checked: number; expired: number; refunded: number }> {
    const started = performance.now();
    let checked = 0;
    for (;;) {
      const due = await repository.claimDuePayments(this.db, CLAIM, this.settings.reconcileIntervalMs / 1000);
      await Promise.all(due.map((payment) => this.settle(payment)));
      checked += due.length;
      if (due.length < CLAIM) break;
    }
    let expired = 0;
    for (;;) {
      const ended = await repository.expireOverdueBookings(this.db, EXPIRE);
      this.inventories.applyFreed(ended.freed);
      expired += ended.expired;
      if (ended.expired < EXPIRE) break;
    }
    const refunded = await this.refunds.sendDue();
    this.events.round((performance.now() - started) / 1000);
    return { checked, expired, refunded };
  }

  /** Runs a round every RECONCILE_INTERVAL_MS; rounds never overlap. */
  start(): this {
    this.repeat.start();
    return this;
  }

  stop(): Promise<void> {
    return this.repeat.stop();
  }
}
