import type { BookingDetails, PaymentAttempt } from 'hamro-concert.contracts';
import { formatDateTime, formatMoney, formatTimeOfDay } from '../../../lib/format';
import { providerName } from '../../../lib/payment-methods';
import { i18n } from '../../../i18n/i18n';

function refundedBy(attempt: PaymentAttempt | undefined): string {
  if (!attempt?.refund?.by) return i18n.t('payment.words.refunded');
  return attempt.refund.by === 'provider'
    ? i18n.t('payment.words.refundedByProvider', { provider: providerName(attempt.method) })
    : i18n.t('payment.words.refundedByHand');
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
      return i18n.t('payment.words.free');
    case 'paid':
      return payment.method === 'khalti' || payment.method === 'esewa'
        ? i18n.t('payment.words.paidOnline', { provider: providerName(payment.method) })
        : i18n.t('payment.words.paid');
    case 'at_door':
      return i18n.t('payment.words.atDoor', { total });
    case 'cash_collected':
      return i18n.t('payment.words.cashCollected', { total });
    case 'awaiting':
      return payment.dueAt
        ? i18n.t('payment.words.awaitingUntil', { until: formatTimeOfDay(payment.dueAt) })
        : i18n.t('payment.words.awaiting');
    case 'unpaid':
      return booking.status === 'expired' ? i18n.t('payment.words.expired') : i18n.t('payment.words.unpaid');
    case 'refund_due':
      return i18n.t('payment.words.refundDue');
    case 'refunded':
      return refundedBy(refunded);
  }
}

/** One online attempt: "Khalti · NPR 3,500.00 · paid · 3 Mar 2026, 14:21". */
export function attemptWords(attempt: PaymentAttempt, currency: string): string {
  return i18n.t('payment.words.attempt', {
    provider: providerName(attempt.method),
    amount: formatMoney(attempt.amount, currency),
    state: i18n.t(`payment.words.attemptStates.${attempt.state}`),
    at: formatDateTime(attempt.completedAt ?? attempt.createdAt),
  });
}

/** Its refund, if it has one: "Refund due: NPR 3,500.00", "Refunded by Khalti: NPR 3,500.00". */
export function refundWords(attempt: PaymentAttempt, currency: string): string | null {
  const { refund } = attempt;
  if (!refund) return null;
  const amount = formatMoney(refund.amount, currency);
  return refund.state === 'due'
    ? i18n.t('payment.words.refundDueAmount', { amount })
    : i18n.t('payment.words.refundedAmount', { refunded: refundedBy(attempt), amount });
}
