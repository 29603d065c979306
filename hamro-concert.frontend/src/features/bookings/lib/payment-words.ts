import type { BookingDetails, PaymentAttempt } from 'hamro-concert.contracts';
import { formatMoney, formatTimeOfDay } from '../../../lib/format';
import { providerName } from '../../../lib/payment-methods';

const when = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

function refundedBy(attempt: PaymentAttempt | undefined): string {
  if (!attempt?.refund?.by) return '';
  return attempt.refund.by === 'provider' ? ` by ${providerName(attempt.method)}` : ' by hand';
}

/**
 * Where a booking's money stands, in words: "Paid online with Khalti", "To pay at the door: NPR
 * 3,500.00", "Awaiting payment until 14:35", "Refunded by hand"…
 */
export function paymentWords(booking: BookingDetails): string {
  const { payment } = booking;
  const total = formatMoney(booking.totalAmount, booking.concert.currency);
  const refunded = payment.attempts.findLast((attempt) => attempt.refund?.state === 'done');
  switch (payment.state) {
    case 'free':
      return 'Free: nothing to pay';
    case 'paid':
      return payment.method === 'khalti' || payment.method === 'esewa'
        ? `Paid online with ${providerName(payment.method)}`
        : 'Paid';
    case 'at_door':
      return `To pay at the door: ${total}`;
    case 'cash_collected':
      return `Cash collected at the door: ${total}`;
    case 'awaiting':
      return payment.dueAt ? `Awaiting payment until ${formatTimeOfDay(payment.dueAt)}` : 'Awaiting payment';
    case 'unpaid':
      return booking.status === 'expired' ? 'Not paid: the time to pay ran out' : 'Not paid';
    case 'refund_due':
      return 'Refund due';
    case 'refunded':
      return `Refunded${refundedBy(refunded)}`;
  }
}

const ATTEMPT_STATES: Record<PaymentAttempt['state'], string> = {
  awaiting: 'not finished',
  completed: 'paid',
  unpaid: 'not paid',
  mismatch: 'confirmed for another amount',
};

/** One online attempt: "Khalti · NPR 3,500.00 · paid · 3 Mar 2026, 14:21". */
export function attemptWords(attempt: PaymentAttempt, currency: string): string {
  const at = when.format(new Date(attempt.completedAt ?? attempt.createdAt));
  return `${providerName(attempt.method)} · ${formatMoney(attempt.amount, currency)} · ${ATTEMPT_STATES[attempt.state]} · ${at}`;
}

/** Its refund, if it has one: "Refund due: NPR 3,500.00", "Refunded by Khalti: NPR 3,500.00". */
export function refundWords(attempt: PaymentAttempt, currency: string): string | null {
  const { refund } = attempt;
  if (!refund) return null;
  const amount = formatMoney(refund.amount, currency);
  return refund.state === 'due' ? `Refund due: ${amount}` : `Refunded${refundedBy(attempt)}: ${amount}`;
}
