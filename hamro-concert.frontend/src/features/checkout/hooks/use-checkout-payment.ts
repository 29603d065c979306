import { isOnlinePayment, type Booking, type OnlinePaymentMethod, type PaymentMethod } from 'hamro-concert.contracts';
import { useState } from 'react';
import type { ApiError } from '../../../lib/api-client';
import { usePaymentOptions } from '../../../lib/payment-options';
import { inOfferOrder } from '../../../lib/payment-methods';
import { leaveForProvider, rememberPayment } from '../../../lib/payment-handoff';
import { useStartPayment } from '../../../lib/start-payment';

export interface CheckoutPayment {
  /** The concert's ways to pay, in the order offered. */
  methods: readonly PaymentMethod[];
  /** The way chosen: at first the door where it is offered, else the first offered; null when none is. */
  method: PaymentMethod | null;
  choose: (method: PaymentMethod) => void;
  /** Payments on this server are tests (GET /payments/options), asked only when a way is online. */
  testMode: boolean;
  /** The booking waiting for its online payment, and how it is being paid. */
  awaiting: { booking: Booking; method: OnlinePaymentMethod } | null;
  /** Starting the payment, or on the way to the provider once it answered. */
  leaving: boolean;
  error: ApiError | null;
  /** Pays a booking that awaits payment: starts the attempt and leaves for the provider. */
  pay: (booking: Booking, method: OnlinePaymentMethod) => void;
  retry: () => void;
}

function firstChoice(methods: readonly PaymentMethod[]): PaymentMethod | null {
  return methods.includes('door') ? 'door' : (methods[0] ?? null);
}

/** How the buyer pays: the choice among the concert's ways, and the hand-off to Khalti or eSewa after booking. */
export function useCheckoutPayment(offered: readonly PaymentMethod[]): CheckoutPayment {
  const methods = inOfferOrder(offered);
  const [chosen, setChosen] = useState<PaymentMethod | null>(null);
  const [awaiting, setAwaiting] = useState<CheckoutPayment['awaiting']>(null);
  const options = usePaymentOptions(methods.some(isOnlinePayment));
  const start = useStartPayment();
  const [handedOff, setHandedOff] = useState(false);

  function pay(booking: Booking, method: OnlinePaymentMethod) {
    setAwaiting({ booking, method });
    // The booking started its payment already: leave for the provider without another round trip.
    if (booking.paymentStart && booking.paymentStart.method === method) {
      rememberPayment({ reference: booking.reference, email: booking.userEmail });
      setHandedOff(leaveForProvider(booking.paymentStart));
      return;
    }
    start.mutate({ reference: booking.reference, email: booking.userEmail, method });
  }

  return {
    methods,
    method: chosen && methods.includes(chosen) ? chosen : firstChoice(methods),
    choose: setChosen,
    testMode: options.data?.testMode ?? false,
    awaiting,
    // Once the provider answered the browser is already leaving: the message stays until it has.
    leaving: handedOff || start.isPending || start.isSuccess,
    error: start.error,
    pay,
    retry: () => {
      if (awaiting)
        start.mutate({
          reference: awaiting.booking.reference,
          email: awaiting.booking.userEmail,
          method: awaiting.method,
        });
    },
  };
}
