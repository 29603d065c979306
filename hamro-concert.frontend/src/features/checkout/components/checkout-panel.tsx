import { Button } from '../../../components/ui/button';
import { DEFAULT_CURRENCY } from '../../../lib/format';
import { useCheckout, type CheckoutOptions } from '../hooks/use-checkout';
import { isFree } from '../lib/checkout-seat';
import { BestAvailable, type BestAvailableTier } from './best-available';
import { BookingConfirmation } from './booking-confirmation';
import { BookingForm } from './booking-form';
import { BookingProblem } from './booking-problem';
import { ContinueStep } from './continue-step';
import { HeldSeats } from './held-seats';
import { HoldCountdown } from './hold-countdown';
import { HoldExpiredNotice } from './hold-expired-notice';
import { PaymentHandOff } from './payment-hand-off';
import { useTranslation } from 'react-i18next';

interface CheckoutPanelProps extends CheckoutOptions {
  /** The concert's tiers, for choosing best available seats instead of clicking them. */
  tiers?: readonly BestAvailableTier[];
  /** Why no seats can be held now (sales not open yet, or closed): Continue and best available are off. */
  salesPaused?: string | null;
  /** ISO 4217 code of the concert's prices. */
  currency?: string;
  concertTitle: string;
  /** When and where, as the confirmation shows it: "Sat, 14 Mar 2026 · 7:00 PM · Tundikhel, Kathmandu". */
  concertWhen: string;
  /** The concert's day in Bikram Sambat, for the confirmation. */
  concertDayBs?: string;
  /** Where a booking can be looked up later, from its reference. */
  findBookingHref: (reference: string) => string;
  /** The payment page of a booking that awaits payment, from its reference. */
  paymentHref: (reference: string) => string;
}

/**
 * Holds the chosen seats, then books them: countdown, details form with the way to pay, problems,
 * and the confirmation (or, for Khalti and eSewa, the hand-off to the provider).
 */
export function CheckoutPanel({
  tiers = [],
  salesPaused = null,
  currency = DEFAULT_CURRENCY,
  concertTitle,
  concertWhen,
  concertDayBs,
  findBookingHref,
  paymentHref,
  ...options
}: CheckoutPanelProps) {
  const { t } = useTranslation();
  const checkout = useCheckout(options);
  const { seatHold, seats } = options;
  const { hold, heldSeats, submitted, payment } = checkout;
  return (
    <>
      {checkout.expired ? <HoldExpiredNotice /> : null}
      {seatHold.error ? (
        <BookingProblem error={seatHold.error} step="hold" submitted={submitted} remaining={seats.length} />
      ) : null}
      {checkout.bookingError ? (
        <BookingProblem error={checkout.bookingError} step="booking" submitted={submitted} remaining={seats.length} />
      ) : null}
      {hold ? (
        <>
          <HoldCountdown expiresAt={hold.expiresAt} onExpire={() => checkout.endHold(true)} />
          <HeldSeats seats={heldSeats} />
          <BookingForm
            seats={heldSeats}
            details={checkout.details}
            onDetailsChange={checkout.setDetails}
            sending={checkout.sending}
            serverErrors={checkout.serverErrors}
            payment={isFree(heldSeats) ? null : payment}
            onSubmit={checkout.book}
          />
          <Button variant="secondary" block disabled={checkout.sending} onClick={() => checkout.endHold(false)}>
            {t('checkout.changeSeats')}
          </Button>
        </>
      ) : payment.awaiting ? (
        <PaymentHandOff
          booking={payment.awaiting.booking}
          method={payment.awaiting.method}
          currency={currency}
          leaving={payment.leaving}
          error={payment.error}
          onRetry={payment.retry}
          paymentHref={paymentHref(payment.awaiting.booking.reference)}
        />
      ) : (
        <>
          <ContinueStep
            seats={seats}
            placing={seatHold.placing}
            paused={salesPaused}
            autoFocus={checkout.returned}
            onContinue={checkout.holdSeats}
          />
          <BestAvailable
            tiers={tiers}
            currency={currency}
            placing={seatHold.placing}
            disabled={salesPaused !== null}
            onFind={checkout.findBest}
          />
        </>
      )}
      {checkout.booked ? (
        <BookingConfirmation
          booking={checkout.booked}
          seats={submitted}
          concertTitle={concertTitle}
          concertWhen={concertWhen}
          concertDayBs={concertDayBs}
          findBookingHref={findBookingHref(checkout.booked.reference)}
          onClose={checkout.closeConfirmation}
        />
      ) : null}
    </>
  );
}
