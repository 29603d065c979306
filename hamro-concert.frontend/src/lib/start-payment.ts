import { useMutation, type UseMutationOptions } from '@tanstack/react-query';
import { paymentStartSchema, type PaymentMethod, type PaymentStart } from 'hamro-concert.contracts';
import { apiRequest, type ApiError } from './api-client';
import { leaveForProvider, rememberPayment } from './payment-handoff';

export interface StartPaymentRequest {
  reference: string;
  email: string;
  /** Khalti or eSewa: a new attempt online; the door: stop paying online and pay in cash at the door. */
  method: PaymentMethod;
}

/** Starts paying a booking that awaits payment: where to send the buyer, or (the door) nowhere. */
export function startPayment({ reference, email, method }: StartPaymentRequest) {
  return apiRequest(`/bookings/${encodeURIComponent(reference)}/payments`, paymentStartSchema, {
    method: 'POST',
    body: { email, method },
  });
}

type Options = Omit<UseMutationOptions<PaymentStart, ApiError, StartPaymentRequest>, 'mutationFn'>;

/**
 * Starts a payment and, for Khalti or eSewa, leaves for the provider as soon as it answers: the
 * reference and email are kept for the way back first. Checkout and the payment page both use it.
 */
export function useStartPayment(options: Options = {}) {
  return useMutation({
    ...options,
    mutationFn: async (request) => {
      rememberPayment(request);
      const start = await startPayment(request);
      leaveForProvider(start);
      return start;
    },
  });
}
