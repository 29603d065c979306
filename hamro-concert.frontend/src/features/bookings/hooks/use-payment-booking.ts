import { useQuery } from '@tanstack/react-query';
import type { PaymentResult } from 'hamro-concert.contracts';
import { bookingQueryOptions } from '../api/get-booking';
import type { BookingLookup } from '../lib/lookup';
import { paymentView } from '../lib/payment-view';

/** How often the booking is asked again while its payment is being confirmed. */
export const CONFIRMING_POLL_MS = 2_000;

/**
 * The booking on the payment page: asked afresh on arrival, then every 2 s while the provider's
 * answer is awaited (also in a background tab), until the payment is decided either way.
 */
export function usePaymentBooking(lookup: BookingLookup, result: PaymentResult | null) {
  return useQuery({
    ...bookingQueryOptions(lookup),
    staleTime: 0,
    refetchInterval: (query) => {
      const booking = query.state.data;
      return booking && paymentView(booking, result, Date.now()) === 'confirming' ? CONFIRMING_POLL_MS : false;
    },
    refetchIntervalInBackground: true,
  });
}
