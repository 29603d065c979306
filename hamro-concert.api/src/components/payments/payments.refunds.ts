import type { Logger } from 'pino';
import type { Db } from '../../db/client.js';
import { conflict, notFound } from '../../http/errors.js';
import { formatCents, type RefundDue } from 'hamro-concert.contracts';
import { khaltiRefund } from './payments.khalti.js';
import * as repository from './payments.refunds.repository.js';
import { findPayment } from './payments.repository.js';
import type { PaymentEvents } from './payments.service.js';
import type { PaymentSettings } from './payments.settings.js';

/**
 * Money owed back: Khalti's refunded through its API (each refund claimed for a minute, so two
 * instances never send one twice, and one that fails is sent again next round); eSewa's, which has no
 * refund API, listed for the organizer, who records the refund made by hand.
 */
export class Refunds {
  constructor(
    private readonly db: Db,
    private readonly settings: PaymentSettings,
    private readonly logger: Logger,
    private readonly events: PaymentEvents,
  ) {}

  /** Sends the Khalti refunds that are due; how many went through. */
  async sendDue(): Promise<number> {
    if (!this.settings.khalti) return 0;
    let sent = 0;
    for (const refund of await repository.claimKhaltiRefunds(this.db, 20)) {
      if (await khaltiRefund(this.settings.khalti, refund.transactionId, this.settings.providerTimeoutMs)) {
        await repository.markRefunded(this.db, refund.id, 'provider');
        this.events.refunded('khalti', 'provider');
        sent++;
      } else {
        this.logger.warn({ paymentId: refund.id }, 'a Khalti refund did not go through; trying again later');
      }
    }
    return sent;
  }

  /** An organizer returned the money by hand. */
  async byHand(orderId: string): Promise<void> {
    const payment = await findPayment(this.db, { orderId });
    if (!payment) throw notFound('payment-not-found', 'No payment has this id.');
    if (!(await repository.markRefunded(this.db, payment.id, 'hand')))
      throw conflict('refund-not-due', 'No refund is due for this payment.');
    this.events.refunded(payment.method, 'hand');
  }

  /** The refunds owed, oldest first; for one concert if given. */
  async due(concertId?: string): Promise<RefundDue[]> {
    const rows = await repository.refundsDue(this.db, concertId);
    return rows.map((row) => ({
      paymentId: row.paymentId,
      method: row.method,
      amount: formatCents(row.amountCents),
      transactionId: row.transactionId,
      bookingReference: row.bookingReference,
      userName: row.userName,
      userEmail: row.userEmail,
      reason: row.reason as RefundDue['reason'],
      since: row.since.toISOString(),
    }));
  }
}
