import { formatBikramSambat, zonedInstant, type BookingDetails } from 'hamro-concert.contracts';
import { calendarEntry, qrPng } from './emails.attachments.js';
import type { ClaimedEmail } from './emails.repository.js';
import { EMAIL_WORDS, type EmailWords } from './emails.words.js';

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  attachments: { filename: string; content: Buffer | string; contentType: string; cid?: string }[];
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c);

function money(words: EmailWords, amount: string, currency: string): string {
  return new Intl.NumberFormat(words.locale, { style: 'currency', currency }).format(Number(amount));
}

/** The concert's start as its venue's clock shows it, in the buyer's language, with the time zone named. */
function when(words: EmailWords, booking: BookingDetails): string {
  const { date, time, timeZone } = booking.concert;
  const start = zonedInstant(date, time, timeZone);
  const zoneName = new Intl.DateTimeFormat(words.locale, { timeZone, timeZoneName: 'long' })
    .formatToParts(start)
    .find((part) => part.type === 'timeZoneName')?.value;
  const wallClock = new Intl.DateTimeFormat(words.locale, { dateStyle: 'full', timeStyle: 'short', timeZone }).format(
    start,
  );
  return zoneName ? `${wallClock} (${zoneName})` : wallClock;
}

/** Lines of text, and the same as HTML paragraphs (a line may carry its own HTML). */
function body(lines: (string | { text: string; html: string })[]): { text: string; html: string } {
  const text = lines.map((line) => (typeof line === 'string' ? line : line.text)).join('\n\n');
  const html = lines.map((line) => (typeof line === 'string' ? `<p>${escapeHtml(line)}</p>` : line.html)).join('\n');
  return {
    text: `${text}\n`,
    html: `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">${html}</body></html>`,
  };
}

/**
 * The email an outbox row owes, in the booking's language: the tickets (with a QR code per ticket and a
 * calendar entry), a cancellation, or a refund. `link` is the booking's page in the web app.
 */
export function emailFor(claimed: ClaimedEmail, booking: BookingDetails, link: string): EmailMessage {
  const words = EMAIL_WORDS[claimed.language];
  const { concert } = booking;
  const title = `${concert.title} (${concert.artist})`;
  const facts = [
    `${words.when}: ${when(words, booking)}`,
    `${words.nepalDate}: ${formatBikramSambat(concert.date, claimed.language)}`,
    `${words.where}: ${concert.venue}, ${concert.city}`,
    `${words.seats}: ${booking.seats.map((seat) => `${seat.seatNumber} (${seat.tierName})`).join(', ')}`,
    `${words.total}: ${money(words, booking.totalAmount, concert.currency)}`,
  ];
  const linkLine = {
    text: `${words.seeBooking}: ${link}`,
    html: `<p><a href="${escapeHtml(link)}">${escapeHtml(words.seeBooking)}</a></p>`,
  };
  const factsHtml = { text: facts.join('\n'), html: `<p>${facts.map(escapeHtml).join('<br>')}</p>` };

  if (claimed.kind === 'cancelled') {
    const paidOnline = booking.payment.attempts.some((attempt) => attempt.state === 'completed');
    return {
      to: booking.userEmail,
      subject: words.cancelledSubject(booking.reference),
      ...body([
        words.hello(booking.userName),
        words.cancelled(booking.reference, title),
        factsHtml,
        ...(paidOnline ? [words.refundFollows] : []),
        linkLine,
        words.signOff,
      ]),
      attachments: [],
    };
  }
  if (claimed.kind === 'refunded') {
    const attempt = booking.payment.attempts.find((a) => a.id === claimed.orderId);
    const amount = money(words, attempt?.amount ?? booking.totalAmount, concert.currency);
    return {
      to: booking.userEmail,
      subject: words.refundedSubject(booking.reference),
      ...body([words.hello(booking.userName), words.refunded(amount, booking.reference), linkLine, words.signOff]),
      attachments: [],
    };
  }
  const tickets = booking.tickets.map((ticket, i) => ({ ...ticket, cid: `ticket-${i + 1}@hamro-concert` }));
  const ticketsHtml = tickets
    .map(
      (ticket) =>
        `<p><strong>${escapeHtml(words.ticket(ticket.seatNumber))}</strong><br>` +
        `<img src="cid:${ticket.cid}" width="200" height="200" alt="${escapeHtml(ticket.code)}"><br>` +
        `<code>${escapeHtml(ticket.code)}</code></p>`,
    )
    .join('\n');
  const ticketsText = tickets.map((ticket) => `${words.ticket(ticket.seatNumber)}: ${ticket.code}`).join('\n');
  return {
    to: booking.userEmail,
    subject: words.ticketsSubject(concert.title),
    ...body([
      words.hello(booking.userName),
      words.confirmed(booking.reference, booking.payment.state, money(words, booking.totalAmount, concert.currency)),
      factsHtml,
      words.showAtDoor,
      { text: ticketsText, html: ticketsHtml },
      words.calendar,
      linkLine,
      words.signOff,
    ]),
    attachments: [
      ...tickets.map((ticket) => ({
        filename: `ticket-${ticket.seatNumber}.png`,
        content: qrPng(ticket.code),
        contentType: 'image/png',
        cid: ticket.cid,
      })),
      {
        filename: 'concert.ics',
        content: calendarEntry(booking, link, title),
        contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
      },
    ],
  };
}
