import net, { type AddressInfo } from 'node:net';
import { sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import jsQRModule from 'jsqr';
import { simpleParser, type ParsedMail } from 'mailparser';
import { PNG } from 'pngjs';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatBikramSambat, zonedInstant } from 'hamro-concert.contracts';
import { buildConcert, buyer, seatsOf } from './factories.js';
import { getBookingDetails } from '../src/components/bookings/bookings.service.js';
import { EmailSender } from '../src/components/emails/emails.sender.js';
import type { EmailSettings } from '../src/components/emails/emails.settings.js';
import { createMailer } from '../src/components/emails/emails.transport.js';
import { createLogger } from '../src/lib/logger.js';
import { type TestApp, eventually, freshDatabase, get, post, request, startTestApp } from './harness.js';

const ADMIN_TOKEN = 'emails-test-admin-token';
const admin = { authorization: `Bearer ${ADMIN_TOKEN}` };

/** A real SMTP server on 127.0.0.1 that keeps every message it receives, parsed. */
async function startSmtp(port = 0) {
  const mails: ParsedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      simpleParser(stream).then(
        (mail) => {
          mails.push(mail);
          callback();
        },
        (error: Error) => callback(error),
      );
    },
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return {
    mails,
    port: (server.server.address() as AddressInfo).port,
    to: (address: string) => mails.filter((mail) => mail.to && JSON.stringify(mail.to).includes(address)),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const probe = net.createServer().listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

// jsqr is CommonJS with an ES default export: Node hands over its module object, whose `default` is the decoder.
const jsQR = jsQRModule.default;

/** The text a QR code in a PNG attachment holds. */
function decodeQr(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  return jsQR(new Uint8ClampedArray(image.data), image.width, image.height)?.data;
}

/** Emails through the test's SMTP server on `port`, looked for every 100 ms unless `overrides` say otherwise. */
function smtpSettings(port: number, overrides: Partial<EmailSettings> = {}): EmailSettings {
  return {
    transport: { kind: 'smtp', url: `smtp://127.0.0.1:${port}` },
    from: 'Hamro Concert <tickets@hamro-concert.test>',
    intervalMs: 100,
    maxPerSecond: 100,
    ...overrides,
  };
}

/** A sender of the app's outbox, run by the test itself round by round. */
function senderFor(owner: TestApp, smtpPort: number, busy: () => boolean = () => false) {
  return new EmailSender(
    owner.database.db,
    createMailer(smtpSettings(smtpPort)),
    (reference, email) =>
      getBookingDetails(
        owner.database.db,
        { maxTicketsPerBuyer: 10, cancelClosesHours: 0, payments: owner.payments },
        reference,
        email,
      ),
    { publicBaseUrl: 'http://tickets.test', messageHost: 'tickets.test' },
    1000,
    100,
    createLogger('silent'),
    { sent: () => {}, failed: () => {} },
    busy,
  );
}

let smtp: Awaited<ReturnType<typeof startSmtp>>;
let app: TestApp;

beforeAll(async () => {
  smtp = await startSmtp();
  app = await startTestApp({
    databaseUrl: await freshDatabase('emails'),
    tokens: { admin: ADMIN_TOKEN },
    payments: { publicBaseUrl: 'http://tickets.test' },
    emails: smtpSettings(smtp.port),
  });
});
afterAll(async () => {
  await app.close();
  await smtp.close();
});

async function book(count = 2, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) {
  const concert = await buildConcert(app);
  const free = (await seatsOf(app, concert.id)).filter((seat) => !seat.isBooked);
  const who = buyer({ userName: 'Sita Sharma' });
  const seatIds = free.slice(0, count).map((seat) => seat.id);
  const booked = await request(app, 'POST', '/ticket-bookings/seats', { ...who, seatIds, ...extra }, headers);
  expect(booked.status, JSON.stringify(booked.body)).toBe(201);
  return { concert, who, reference: booked.body.reference as string, booking: booked.body };
}

async function outboxOf(reference: string) {
  const { rows } = await app.database.db.execute<{ kind: string; sent: boolean; attempts: number }>(sql`
    select o.kind, o.sent_at is not null as sent, o.attempts from email_outbox o
    join bookings b on b.id = o.booking_id where b.reference = ${reference} order by o.id`);
  return rows;
}

describe('tickets by email', () => {
  it('when a booking is confirmed to pay at the door, then its buyer gets one email with the concert, the seats, a QR code per ticket that scans to its code, a calendar entry and a link', async () => {
    const { concert, who, reference, booking } = await book(2);
    await eventually(async () => smtp.to(who.userEmail).length === 1);
    const [mail] = smtp.to(who.userEmail);
    expect(mail!.subject).toBe(`Your tickets for ${concert.title}`);
    expect(mail!.text).toContain(reference);
    expect(mail!.text).toContain('in cash at the door');
    expect(mail!.text).toContain(concert.venue);
    expect(mail!.text).toContain(formatBikramSambat(concert.date, 'en'));
    expect(mail!.text).toContain(`http://tickets.test/find-booking?reference=${reference}`);
    // Each QR code is an inline image the HTML shows (the parser turns its cid: into a data: URL).
    expect(mail!.html).toContain('<img src="data:image/png');
    for (const ticket of booking.tickets as { seatNumber: string; code: string }[])
      expect(mail!.text).toContain(ticket.seatNumber);

    const images = mail!.attachments.filter((a) => a.contentType === 'image/png');
    expect(images.map((image) => image.cid).sort()).toEqual(['ticket-1@hamro-concert', 'ticket-2@hamro-concert']);
    const codes = images.map((image) => decodeQr(image.content));
    expect(codes.sort()).toEqual((booking.tickets as { code: string }[]).map((ticket) => ticket.code).sort());

    const ics = mail!.attachments.find((a) => a.contentType.startsWith('text/calendar'));
    const event = new ICAL.Event(
      new ICAL.Component(ICAL.parse(ics!.content.toString('utf8'))).getFirstSubcomponent('vevent')!,
    );
    expect(event.startDate.toJSDate().toISOString()).toBe(
      zonedInstant(concert.date, concert.time, concert.timeZone).toISOString(),
    );
    expect(event.summary).toContain(concert.title);
    expect(event.location).toContain(concert.venue);
    expect(mail!.messageId).toMatch(/^<tickets\.[0-9a-f-]+@tickets\.test>$/);

    // Sent once: later rounds find nothing more to send.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.to(who.userEmail)).toHaveLength(1);
    expect(await outboxOf(reference)).toEqual([{ kind: 'tickets', sent: true, attempts: 1 }]);
  });

  it('when a buyer books in Nepali, then the email is in Nepali with Devanagari digits and the Bikram Sambat date', async () => {
    const { concert, who, reference } = await book(1, {}, { 'accept-language': 'ne-NP, ne;q=0.9, en;q=0.5' });
    await eventually(async () => smtp.to(who.userEmail).length === 1);
    const [mail] = smtp.to(who.userEmail);
    expect(mail!.subject).toBe(`${concert.title} का लागि तपाईंका टिकटहरू`);
    expect(mail!.text).toContain(`तपाईंको बुकिङ ${reference} पक्का भयो`);
    expect(mail!.text).toContain(formatBikramSambat(concert.date, 'ne'));
    expect(mail!.text).toMatch(/नेरू\s?[०-९]/);
    expect(mail!.text).not.toMatch(/\b(Hello|Seats|Total|When|Where)\b/);

    const chosen = await book(1, { language: 'ne' });
    await eventually(async () => smtp.to(chosen.who.userEmail).length === 1);
    expect(smtp.to(chosen.who.userEmail)[0]!.subject).toContain('टिकटहरू');
  });

  it('when a booking is cancelled, then its buyer gets a cancellation email after the tickets', async () => {
    const { who, reference } = await book(1);
    await eventually(async () => smtp.to(who.userEmail).length === 1);
    const cancelled = await post(app, `/bookings/${reference}/cancel`, { email: who.userEmail });
    expect(cancelled.status, JSON.stringify(cancelled.body)).toBe(200);
    await eventually(async () => smtp.to(who.userEmail).length === 2);
    const subjects = smtp.to(who.userEmail).map((mail) => mail.subject);
    expect(subjects).toContain(`Booking ${reference} is cancelled`);
    expect((await outboxOf(reference)).map((row) => row.kind)).toEqual(['tickets', 'cancelled']);
  });

  it("when an organizer resends a booking's tickets, then the buyer gets them again, and what cannot be resent is refused clearly", async () => {
    const { who, reference } = await book(1);
    await eventually(async () => smtp.to(who.userEmail).length === 1);
    expect((await request(app, 'POST', `/admin/bookings/${reference}/emails`, {})).status).toBe(401);
    const resent = await request(app, 'POST', `/admin/bookings/${reference}/emails`, {}, admin);
    expect(resent.status).toBe(202);
    await eventually(async () => smtp.to(who.userEmail).length === 2);
    const [first, second] = smtp.to(who.userEmail);
    expect(second!.subject).toBe(first!.subject);
    expect(second!.messageId).not.toBe(first!.messageId);
    const listed = await get(app, `/admin/bookings/${reference}/emails`, admin);
    expect(listed.body).toHaveLength(2);
    expect(listed.body.every((email: { sentAt: string | null }) => email.sentAt !== null)).toBe(true);

    await post(app, `/bookings/${reference}/cancel`, { email: who.userEmail });
    const refused = await request(app, 'POST', `/admin/bookings/${reference}/emails`, {}, admin);
    expect(refused.status).toBe(409);
    expect(refused.body.code).toBe('booking-not-confirmed');
    const unknown = await request(app, 'POST', '/admin/bookings/ABCDEFGHJK23/emails', {}, admin);
    expect(unknown.status).toBe(404);
    expect(unknown.body.code).toBe('booking-not-found');
  });

  it('when a refund is recorded, then the buyer gets an email saying how much came back', async () => {
    const { who, reference, booking } = await book(1);
    // A payment refunded, as the refunds do it: the trigger on payments owes the email.
    await app.database.db.execute(sql`
      insert into payments (booking_id, method, order_id, amount_cents, state, expires_at, next_check_at, refund_state)
      select id, 'esewa', ${`${reference}-refund`}, total_cents, 'completed', now(), now(), 'due'
      from bookings where reference = ${reference}`);
    await app.database.db.execute(sql`
      update payments set refund_state = 'done', refunded_at = now(), refunded_by = 'hand'
      where order_id = ${`${reference}-refund`}`);
    await eventually(async () => smtp.to(who.userEmail).some((mail) => mail.subject?.includes('refund')));
    const refund = smtp.to(who.userEmail).find((mail) => mail.subject?.includes('refund'));
    expect(refund!.subject).toBe(`Your refund for booking ${reference}`);
    expect(refund!.text).toMatch(
      new RegExp(
        `${String(booking.totalAmount).replace('.', '\\.')}|${Number(booking.totalAmount).toLocaleString('en-GB')}`,
      ),
    );
  });
});

describe('the email outbox when SMTP is down', () => {
  it('when the mail server is down, then emails wait and retry, and once it is up each is delivered exactly once', async () => {
    const port = await freePort();
    const downApp = await startTestApp({
      databaseUrl: await freshDatabase('emails_down'),
      payments: { publicBaseUrl: 'http://tickets.test' },
      emails: smtpSettings(port),
    });
    try {
      const concert = await buildConcert(downApp);
      const free = (await seatsOf(downApp, concert.id)).filter((seat) => !seat.isBooked);
      const who = buyer();
      const booked = await post(downApp, '/ticket-bookings/seats', { ...who, seatIds: [free[0]!.id] });
      expect(booked.status).toBe(201);
      await eventually(async () => {
        const { rows } = await downApp.database.db.execute<{ attempts: number; last_error: string | null }>(
          sql`select attempts, last_error from email_outbox`,
        );
        return rows[0]!.attempts >= 1 && rows[0]!.last_error !== null;
      });
      const late = await startSmtp(port);
      try {
        await eventually(async () => late.to(who.userEmail).length === 1, 20_000);
        await new Promise((resolve) => setTimeout(resolve, 1000));
        expect(late.to(who.userEmail)).toHaveLength(1);
        const { rows } = await downApp.database.db.execute<{ sent: boolean; attempts: number }>(
          sql`select sent_at is not null as sent, attempts from email_outbox`,
        );
        expect(rows[0]!.sent).toBe(true);
        expect(rows[0]!.attempts).toBeGreaterThanOrEqual(2);
      } finally {
        await late.close();
      }
    } finally {
      await downApp.close();
    }
  });

  it('when more emails are due than EMAIL_MAX_PER_SECOND allows, then each round sends its share and the rest follow', async () => {
    const late = await startSmtp();
    const capped = await startTestApp({
      databaseUrl: await freshDatabase('emails_capped'),
      payments: { publicBaseUrl: 'http://tickets.test' },
      emails: smtpSettings(late.port, { intervalMs: 1000, maxPerSecond: 2 }),
    });
    try {
      const concert = await buildConcert(capped);
      const free = (await seatsOf(capped, concert.id)).filter((seat) => !seat.isBooked);
      const started = Date.now();
      for (const seat of free.slice(0, 6))
        expect((await post(capped, '/ticket-bookings/seats', { ...buyer(), seatIds: [seat.id] })).status).toBe(201);
      await eventually(async () => late.mails.length === 6, 15_000);
      // Two a round, a round a second: the sixth waits for the third round.
      expect(Date.now() - started).toBeGreaterThanOrEqual(2000);
    } finally {
      await capped.close();
      await late.close();
    }
  });

  it('when a booking is cancelled before its tickets went out, then only the cancellation is sent', async () => {
    const late = await startSmtp();
    const quiet = await startTestApp({ databaseUrl: await freshDatabase('emails_cancelled') });
    try {
      const concert = await buildConcert(quiet);
      const [seat] = (await seatsOf(quiet, concert.id)).filter((s) => !s.isBooked);
      const who = buyer();
      const booked = await post(quiet, '/ticket-bookings/seats', { ...who, seatIds: [seat!.id] });
      expect(booked.status).toBe(201);
      const reference = booked.body.reference as string;
      expect((await post(quiet, `/bookings/${reference}/cancel`, { email: who.userEmail })).status).toBe(200);
      const sender = senderFor(quiet, late.port);
      await sender.round();
      await sender.stop();
      expect(late.mails.map((mail) => mail.subject)).toEqual([`Booking ${reference} is cancelled`]);
      const { rows } = await quiet.database.db.execute<{ kind: string; sent: boolean; last_error: string | null }>(sql`
        select kind, sent_at is not null as sent, last_error from email_outbox order by id`);
      expect(rows).toEqual([
        { kind: 'tickets', sent: true, last_error: 'not sent: the booking is cancelled' },
        { kind: 'cancelled', sent: true, last_error: null },
      ]);
    } finally {
      await quiet.close();
      await late.close();
    }
  });

  it('when buyers are waiting for the database, then a round sends one email only, and the rest once they are not', async () => {
    const late = await startSmtp();
    const quiet = await startTestApp({ databaseUrl: await freshDatabase('emails_busy') });
    try {
      const concert = await buildConcert(quiet);
      const free = (await seatsOf(quiet, concert.id)).filter((seat) => !seat.isBooked);
      for (const seat of free.slice(0, 5))
        expect((await post(quiet, '/ticket-bookings/seats', { ...buyer(), seatIds: [seat.id] })).status).toBe(201);
      let busy = true;
      const sender = senderFor(quiet, late.port, () => busy);
      expect(await sender.round()).toBe(1);
      expect(await sender.round()).toBe(1);
      busy = false;
      expect(await sender.round()).toBe(3);
      expect(late.mails).toHaveLength(5);
      await sender.stop();
    } finally {
      await quiet.close();
      await late.close();
    }
  });
});
