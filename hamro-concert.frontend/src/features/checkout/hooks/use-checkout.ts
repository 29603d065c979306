import { isOnlinePayment, type Booking, type Hold, type PaymentMethod } from 'hamro-concert.contracts';
import { useState } from 'react';
import { useLanguage } from '../../../i18n/use-language';
import { ApiError } from '../../../lib/api-client';
import { useBookSeats } from '../api/book-seats';
import { serverDetailErrors, type BookingDetails, type DetailErrors } from '../lib/booking-details';
import { holdIsGone } from '../lib/checkout-problem';
import { isFree, type CheckoutSeat } from '../lib/checkout-seat';
import { useIdempotencyKey } from '../lib/idempotency';
import { takenSeats } from '../lib/taken-seats';
import { useCheckoutPayment, type CheckoutPayment } from './use-checkout-payment';
import { isAdmissionRequired, type SeatHold } from './use-seat-hold';

export interface CheckoutOptions {
  concertId: string;
  /** The buyer's hold, from useSeatHold (the page also needs it to show those seats as theirs). */
  seatHold: SeatHold;
  /** The chosen seats. */
  seats: readonly CheckoutSeat[];
  /** The ways the concert can be paid for (its `paymentMethods`); the door alone when not given. */
  paymentMethods?: readonly PaymentMethod[];
  /** The waiting room's pass, while the concert's sale has one: bookings carry it. */
  admissionPass?: string | null;
  /** The seats are booked: clear the selection and refresh what shows availability. */
  onBooked: (seatIds: number[]) => void;
  /** Someone else has these seats: drop them and refresh the map. */
  onSeatsTaken: (seatIds: number[]) => void;
  /** The seat map is out of date for another reason (hold gone, seats gone): refresh it. */
  onSeatsChanged: () => void;
  /** The sale's waiting room refused a booking for want of a live pass: back to the room. */
  onAdmissionRequired?: () => void;
  /** The buyer closed the confirmation of their booking. */
  onConfirmationClosed?: () => void;
}

export interface Checkout {
  /** The active hold, while the buyer fills in their details. */
  hold: Hold | null;
  /** The chosen seats that the hold covers. */
  heldSeats: readonly CheckoutSeat[];
  /** The seats of the last attempt, as the buyer saw them: problems and the confirmation name them. */
  submitted: readonly CheckoutSeat[];
  details: BookingDetails;
  setDetails: (details: BookingDetails) => void;
  /** The hold ran out on the countdown. */
  expired: boolean;
  /** The buyer came back from a hold (Change seats, or it ran out): Continue takes the focus. */
  returned: boolean;
  sending: boolean;
  /** Why the last booking failed. */
  bookingError: ApiError | null;
  /** Field errors the API found in the details. */
  serverErrors: DetailErrors;
  /** The booking made, while its confirmation is open (not one still waiting for its online payment). */
  booked: Booking | null;
  /** How the buyer pays: the choice, and the hand-off to Khalti or eSewa once booked. */
  payment: CheckoutPayment;
  holdSeats: () => void;
  findBest: (ticketTierId: number, quantity: number) => void;
  book: (details: BookingDetails) => void;
  /** Gives the hold back: the countdown ended (`ranOut`), or the buyer chose Change seats. */
  endHold: (ranOut: boolean) => void;
  closeConfirmation: () => void;
}

const DOOR_ONLY: readonly PaymentMethod[] = ['door'];

/**
 * Checkout from the chosen seats to a booking: holds them (or the best available ones), books the
 * hold with the buyer's details and way to pay (handing an online payment to its provider), and
 * says what follows a refusal: seats someone else has are
 * dropped, a hold that is gone is forgotten, a missing waiting-room pass leads back to the room.
 */
export function useCheckout({
  concertId,
  seatHold,
  seats,
  paymentMethods = DOOR_ONLY,
  admissionPass = null,
  onBooked,
  onSeatsTaken,
  onSeatsChanged,
  onAdmissionRequired,
  onConfirmationClosed,
}: CheckoutOptions): Checkout {
  const language = useLanguage();
  const [details, setDetails] = useState<BookingDetails>({ userName: '', userEmail: '' });
  const [submitted, setSubmitted] = useState<readonly CheckoutSeat[]>([]);
  const [expired, setExpired] = useState(false);
  const [returned, setReturned] = useState(false);
  const key = useIdempotencyKey();
  const payment = useCheckoutPayment(paymentMethods);
  const booking = useBookSeats({
    onSettled: (_booking, error) => key.settled(error),
    onSuccess: (result, { body }) => {
      seatHold.forget();
      onBooked(result.seatIds);
      if (result.status === 'awaiting_payment' && isOnlinePayment(body.payment)) payment.pay(result, body.payment);
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

  /** A new attempt to hold seats starts afresh: no expiry notice, no earlier booking's answer. */
  function startOver(attempt: readonly CheckoutSeat[]) {
    setExpired(false);
    setSubmitted(attempt);
    booking.reset();
  }

  return {
    hold,
    heldSeats,
    submitted,
    details,
    setDetails,
    expired,
    returned,
    sending: booking.isPending,
    bookingError: booking.error,
    serverErrors: booking.error?.code === 'validation-failed' ? serverDetailErrors(booking.error.problem.errors) : {},
    booked: booking.isSuccess && booking.data.status !== 'awaiting_payment' ? booking.data : null,
    payment,
    holdSeats: () => {
      startOver(seats);
      seatHold.place(
        concertId,
        seats.map((seat) => seat.id),
      );
    },
    findBest: (ticketTierId, quantity) => {
      startOver([]);
      seatHold.placeBest(concertId, ticketTierId, quantity);
    },
    book: (entered) => {
      if (!hold) return;
      setSubmitted(heldSeats);
      // A free booking needs no payment; any other says how it is paid.
      const method = isFree(heldSeats) ? null : payment.method;
      const body = {
        ...entered,
        seatIds: hold.seatIds,
        holdToken: hold.holdToken,
        ...(method ? { payment: method } : {}),
        // The emails about the booking speak the language the buyer booked in.
        language,
      };
      booking.mutate({ body, idempotencyKey: key.keyFor(body), admissionPass });
    },
    endHold: (ranOut) => {
      booking.reset();
      setExpired(ranOut);
      setReturned(true);
      seatHold.release();
    },
    closeConfirmation: () => {
      booking.reset();
      onConfirmationClosed?.();
    },
  };
}
