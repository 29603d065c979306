import { useState } from 'react';
import { ApiError } from '../../../lib/api-client';
import { useBookSeats } from '../api/book-seats';
import { serverDetailErrors, type BookingDetails } from '../lib/booking-details';
import type { CheckoutSeat } from '../lib/checkout-seat';
import { takenSeats } from '../lib/taken-seats';
import { BookingConfirmation } from './booking-confirmation';
import { BookingForm } from './booking-form';
import { BookingProblem } from './booking-problem';

interface CheckoutPanelProps {
  seats: readonly CheckoutSeat[];
  concertTitle: string;
  /** When and where, as the confirmation shows it: "Sat, 14 Mar 2026 · 7:00 PM · Tundikhel, Kathmandu". */
  concertWhen: string;
  /** The seats are booked: clear the selection and refresh what shows availability. */
  onBooked: (seatIds: number[]) => void;
  /** Someone else booked these seats first: drop them and refresh the map. */
  onSeatsTaken: (seatIds: number[]) => void;
  /** The seat map is out of date for another reason (seats gone): refresh it. */
  onSeatsChanged: () => void;
}

/** Books the chosen seats: the details form, what went wrong if it did, and the confirmation. */
export function CheckoutPanel({ seats, concertTitle, concertWhen, onBooked, onSeatsTaken, onSeatsChanged }: CheckoutPanelProps) {
  const [submitted, setSubmitted] = useState<readonly CheckoutSeat[]>([]);
  const booking = useBookSeats({
    onSuccess: (result) => onBooked(result.seatIds),
    onError: (error) => {
      const taken = takenSeats(error);
      if (taken.length > 0) onSeatsTaken(taken.map((seat) => seat.id));
      else if (error instanceof ApiError && (error.code === 'seat-not-found' || error.code === 'seats-span-concerts')) onSeatsChanged();
    },
  });

  function submit(details: BookingDetails) {
    setSubmitted(seats);
    booking.mutate({ ...details, seatIds: seats.map((seat) => seat.id) });
  }

  const serverErrors =
    booking.error instanceof ApiError && booking.error.code === 'validation-failed'
      ? serverDetailErrors(booking.error.problem.errors)
      : {};

  return (
    <>
      {booking.isError ? <BookingProblem error={booking.error} submitted={submitted} remaining={seats.length} /> : null}
      <BookingForm seats={seats} sending={booking.isPending} serverErrors={serverErrors} onSubmit={submit} />
      {booking.isSuccess ? (
        <BookingConfirmation booking={booking.data} seats={submitted} concertTitle={concertTitle}
          concertWhen={concertWhen}
          onClose={() => booking.reset()} />
      ) : null}
    </>
  );
}
