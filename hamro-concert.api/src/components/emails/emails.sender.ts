import type { Logger } from 'pino';
import type { Db } from '../../db/client.js';
import { Repeat } from '../../lib/repeat.js';
import { emailFor } from './emails.content.js';
import * as repository from './emails.repository.js';
import type { Mailer } from './emails.transport.js';
import type { BookingDetails } from 'hamro-concert.contracts';

/** Emails claimed at a time, and how long a claim keeps other senders off an email (far longer than a send). */
const CLAIM = 20;
const CLAIM_SECONDS = 120;

export interface EmailEvents {
  sent(kind: repository.EmailKind): void;
  failed(kind: repository.EmailKind): void;
}

/**
 * The sender every instance runs: it claims the emails that are due, words each from its booking as it
 * is now, sends it, and marks it sent, or leaves it to be tried again after a backoff. An email is
 * marked sent only after the mail server took it: an instance that dies between the two leaves it to
 * come due again, so it is sent at least once; the same Message-ID lets the mail system drop a second copy.
 */
export class EmailSender {
  private readonly repeat: Repeat;
  private readonly perRound: number;

  constructor(
    private readonly db: Db,
    private readonly mailer: Mailer,
    private readonly details: (reference: string, email: string) => Promise<BookingDetails>,
    private readonly links: { publicBaseUrl: string; messageHost: string },
    intervalMs: number,
    maxPerSecond: number,
    private readonly logger: Logger,
    private readonly events: EmailEvents,
    /** Whether buyers' requests are waiting for the database right now. */
    private readonly busy: () => boolean = () => false,
  ) {
    this.perRound = Math.max(1, Math.round((maxPerSecond * intervalMs) / 1000));
    this.repeat = new Repeat(
      intervalMs,
      () => this.round(),
      (error) => logger.warn({ err: error }, 'an email round failed; the next one tries again'),
    );
  }

  /**
   * One round: sends the emails that are due, a claim of CLAIM at a time, up to a round's share of
   * EMAIL_MAX_PER_SECOND; the rest wait for the next round. While requests queue for a database
   * connection (an on-sale), a round sends one email only: buyers first, and the outbox still moves.
   */
  async round(): Promise<number> {
    let sent = 0;
    for (let budget = this.busy() ? 1 : this.perRound; budget > 0;) {
      const due = await repository.claimDueEmails(this.db, Math.min(CLAIM, budget), CLAIM_SECONDS);
      const results = await Promise.all(due.map((email) => this.send(email)));
      sent += results.filter(Boolean).length;
      budget -= due.length;
      if (due.length < CLAIM) break;
    }
    return sent;
  }

  private async send(email: repository.ClaimedEmail): Promise<boolean> {
    try {
      const booking = await this.details(email.reference, email.email);
      if (email.kind === 'tickets' && booking.status !== 'confirmed') {
        // Cancelled (or expired) before its tickets went out: the cancellation's own email tells the buyer.
        await repository.markNotSent(this.db, email.id, `not sent: the booking is ${booking.status}`);
        return false;
      }
      const link = `${this.links.publicBaseUrl}/find-booking?reference=${encodeURIComponent(booking.reference)}`;
      const messageId = `<${email.event.replace(/[^\w.-]+/g, '.')}@${this.links.messageHost}>`;
      await this.mailer.send(emailFor(email, booking, link), messageId);
      await repository.markSent(this.db, email.id);
      this.events.sent(email.kind);
      this.logger.info({ email: email.event, kind: email.kind, reference: email.reference }, 'email sent');
      return true;
    } catch (error) {
      this.events.failed(email.kind);
      this.logger.warn(
        { err: error, email: email.event, attempts: email.attempts },
        'an email could not be sent; it is tried again later',
      );
      await repository.markFailed(this.db, email.id, error instanceof Error ? error.message : String(error)).catch(
        () => undefined, // the claim runs out by itself and the email comes due again
      );
      return false;
    }
  }

  /** Runs a round every EMAIL_INTERVAL_MS; rounds never overlap. */
  start(): this {
    this.repeat.start();
    return this;
  }

  async stop(): Promise<void> {
    await this.repeat.stop();
    this.mailer.close();
  }
}
