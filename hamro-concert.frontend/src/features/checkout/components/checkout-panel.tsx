import { DEFAULT_CURRENCY } from '../../../lib/format';
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { ApiError } from '../../../lib/api-client';
import { useBookSeats } from '../api/book-seats';
import { isAdmissionRequired, type SeatHold } from '../hooks/use-seat-hold';
import { serverDetailErrors, type BookingDetails } from '../lib/booking-details';
import { holdIsGone } from '../lib/checkout-problem';
import type { CheckoutSeat } from '../lib/checkout-seat';
import { useIdempotencyKey } from '../lib/idempotency';
import { takenSeats } from '../lib/taken-seats';
import { BestAvailable, type BestAvailableTier } from './best-available';
import { BookingConfirmation } from './booking-confirmation';
import { BookingForm } from './booking-form';
import { BookingProblem } from './booking-problem';
import { ContinueStep } from './continue-step';
import { HeldSeats } from './held-seats';
import { HoldCountdown } from './hold-countdown';
import { HoldExpiredNotice } from './hold-expired-notice';

interface CheckoutPanelProps {
  concertId: string;
  /** The buyer's hold, from useSeatHold (the page also needs it to show those seats as theirs). */
  seatHold: SeatHold;
  seats: readonly CheckoutSeat[];
  /** The concert's tiers, for choosing best available seats instead of clicking them. */
  tiers?: readonly BestAvailableTier[];
  /** Why no seats can be held now (sales not open yet, or closed): Continue and best available are off. */
  salesPaused?: string | null;
  /** ISO 4217 code of the concert's prices. */
  currency?: string;
  concertTitle: string;
  /** When and where, as the confirmation shows it: "Sat, 14 Mar 2026 · 7:00 PM · Tundikhel, Kathmandu". */
  concertWhen: string;
  /** Where a booking can be looked up later, from its reference. */
  findBookingHref: (reference: string) => string;
  /** The seats are booked: clear the selection and refresh what shows availability. */
  onBooked: (seatIds: number[]) => void;
  /** Someone else has these seats: drop them and refresh the map. */
  onSeatsTaken: (seatIds: number[]) => void;
  /** The seat map is out of date for another reason (hold gone, seats gone): refresh it. */
  onSeatsChanged: () => void;
  /** The waiting room's pass, while the concert's sale has one: bookings carry it. */
  admissionPass?: string | null;
  /** The sale's waiting room refused a booking for want of a live pass: back to the room. */
  onAdmissionRequired?: () => void;
  /** The buyer closed the confirmation of their booking. */
  onConfirmationClosed?: () => void;
}

/** Holds the chosen seats, then books them: countdown, details form, problems and the confirmation. */
export function CheckoutPanel({
  concertId,
  seatHold,
  seats,
  tiers = [],
  salesPaused = null,
  currency = DEFAULT_CURRENCY,
  concertTitle,
  concertWhen,
  findBookingHref,
  onBooked,
  onSeatsTaken,
  onSeatsChanged,
  admissionPass = null,
  onAdmissionRequired,
  onConfirmationClosed,
}: CheckoutPanelProps) {
  const [details, setDetails] = useState<BookingDetails>({ userName: '', userEmail: '' });
  const [submitted, setSubmitted] = useState<readonly CheckoutSeat[]>([]);
  const [expired, setExpired] = useState(false);
  const [returned, setReturned] = useState(false);
  const key = useIdempotencyKey();
  const booking = useBookSeats({
    onSettled: (_booking, error) => key.settled(error),
    onSuccess: (result) => {
      seatHold.forget();
      onBooked(result.seatIds);
    },
    onError: (error) => {
      const taken = takenSeats(error);
      if (taken.length > 0) {
        seatHold.release();
        onSeatsTaken(taken.map((seat) => seat.id));
      } else if (holdIsGone(error) || (error instanceof ApiError && error.code === 'seat-not-found')) {
        seatHold.forget();
        onSeatsChanged();
      } else if (isAdmissionRequired(error)) {
        onAdmissionRequired?.();
      }
    },
  });
  const { hold } = seatHold;
  const heldSeats = hold ? seats.filter((seat) => hold.seatIds.includes(seat.id)) : [];

  function holdSeats() {
    setExpired(false);
    setSubmitted(seats);
    booking.reset();
    seatHold.place(
      concertId,
      seats.map((seat) => seat.id),
    );
  }

  function findBest(ticketTierId: number, quantity: number) {
    setExpired(false);
    setSubmitted([]);
    booking.reset();
    seatHold.placeBest(concertId, ticketTierId, quantity);
  }

  function book(entered: BookingDetails) {
    if (!hold) return;
    setSubmitted(heldSeats);
    const body = { ...entered, seatIds: hold.seatIds, holdToken: hold.holdToken };
    booking.mutate({ body, idempotencyKey: key.keyFor(body), admissionPass });
  }

  function endHold(ranOut: boolean) {
    booking.reset();
    setExpired(ranOut);
    setReturned(true);
    seatHold.release();
  }

  const serverErrors =
    booking.error instanceof ApiError && booking.error.code === 'validation-failed'
      ? serverDetailErrors(booking.error.problem.errors)
      : {};

  return (
    <>
      {expired ? <HoldExpiredNotice /> : null}
      {seatHold.error ? (
        <BookingProblem error={seatHold.error} step="hold" submitted={submitted} remaining={seats.length} />
      ) : null}
      {booking.isError ? (
        <BookingProblem error={booking.error} step="booking" submitted={submitted} remaining={seats.length} />
      ) : null}
      {hold ? (
        <>
          <HoldCountdown expiresAt={hold.expiresAt} onExpire={() => endHold(true)} />
          <HeldSeats seats={heldSeats} />
          <BookingForm
            seats={heldSeats}
            details={details}
            onDetailsChange={setDetails}
            sending={booking.isPending}
            serverErrors={serverErrors}
            onSubmit={book}
          />
          <Button variant="secondary" block disabled={booking.isPending} onClick={() => endHold(false)}>
            Change seats
          </Button>
        </>
      ) : (
        <>
          <ContinueStep
            seats={seats}
            placing={seatHold.placing}
            paused={salesPaused}
            autoFocus={returned}
            onContinue={holdSeats}
          />
          <BestAvailable
            tiers={tiers}
            currency={currency}
            placing={seatHold.placing}
            disabled={salesPaused !== null}
            onFind={(tierId, quantity) => findBest(tierId, quantity)}
          />
        </>
      )}
      {booking.isSuccess ? (
        <BookingConfirmation
          booking={booking.data}
          seats={submitted}
          concertTitle={concertTitle}
          concertWhen={concertWhen}
          findBookingHref={findBookingHref(booking.data.reference)}
          onClose={() => {
            booking.reset();
            onConfirmationClosed?.();
          }}
        />
      ) : null}
    </>
  );
}
