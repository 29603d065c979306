import { PAYMENT_RESULTS, type BookingDetails, type PaymentResult } from 'hamro-concert.contracts';

/**
 * What the payment page shows of a booking. `paid`, `at-door` and `booked` (free) have tickets;
 * `confirming` waits for the provider's answer; `choose` asks how to pay (again); `expired` and
 * `cancelled` have no seats any more.
 */
export type PaymentView = 'paid' | 'at-door' | 'booked' | 'confirming' | 'choose' | 'expired' | 'cancelled';

/** The page's `result` parameter, as the API's return from the provider set it; null if absent or unknown. */
export function parseResult(value: string | null): PaymentResult | null {
  return PAYMENT_RESULTS.find((result) => result === value) ?? null;
}

function latestAttempt(booking: BookingDetails) {
  return booking.payment.attempts.reduce<BookingDetails['payment']['attempts'][number] | undefined>(
    (latest, attempt) => (!latest || attempt.createdAt >= latest.createdAt ? attempt : latest),
    undefined,
  );
}

/**
 * The booking decides, not the URL: `result` only says whether the buyer is back from paying
 * (`paid`, `confirming`: wait for the provider's answer while the attempt is open) or not. A booking
 * still awaiting payment after its `dueAt` (on this browser's clock) has run out of time.
 */
export function paymentView(booking: BookingDetails, result: PaymentResult | null, now: number): PaymentView {
  const { payment } = booking;
  switch (booking.status) {
    case 'confirmed':
      if (payment.state === 'paid' || payment.state === 'cash_collected') return 'paid';
      return payment.state === 'at_door' ? 'at-door' : 'booked';
    case 'cancelled':
      return 'cancelled';
    case 'expired':
      return 'expired';
    case 'awaiting_payment': {
      if (payment.dueAt && Date.parse(payment.dueAt) <= now) return 'expired';
      const latest = latestAttempt(booking);
      // Paid: the booking follows at once, and the next look shows it.
      if (latest?.state === 'completed') return 'confirming';
      if (latest?.state === 'awaiting' && (result === 'paid' || result === 'confirming')) return 'confirming';
      return 'choose';
    }
  }
}
