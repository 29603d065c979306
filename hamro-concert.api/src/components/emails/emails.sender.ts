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

  constructor(
    private readonly db: Db,
    private readonly mailer: Mailer,
    private readonly details: (reference: string, email: string) => Promise<BookingDetails>,
    private readonly links: { publicBaseUrl: string; messageHost: string },
    intervalMs: number,
    private readonly logger: Logger,
    private readonly events: EmailEvents,
  ) {
    this.repeat = new Repeat(
      intervalMs,
      () => this.round(),
      (error) => logger.warn({ err: error }, 'an email round failed; the next one tries again'),
    );
  }

  /** One round: sends every email that is due, a claim of CLAIM at a time. */
  async round(): Promise<number> {
    let sent = 0;
    for (;;) {
      const due = await repository.claimDueEmails(this.db, CLAIM, CLAIM_SECONDS);
      const results = await Promise.all(due.map((email) => this.send(email)));
      sent += results.filter(Boolean).length;
      if (due.length < CLAIM) return sent;
    }
  }

  private async send(email: repository.ClaimedEmail): Promise<boolean> {
    try {
      const booking = await this.details(email.reference, email.email);
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
