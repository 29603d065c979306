import { useMutation, useQueryClient } from '@tanstack/react-query';
import { bookingDetailsSchema, type BookingDetails } from 'hamro-concert.contracts';
import { apiRequest, type ApiError } from '../../../lib/api-client';
import type { BookingLookup } from '../lib/lookup';
import { bookingQueryOptions } from './get-booking';

export function cancelBooking({ reference, email }: BookingLookup) {
  return apiRequest(`/bookings/${encodeURIComponent(reference)}/cancel`, bookingDetailsSchema, {
    method: 'POST',
    body: { email },
  });
}

/** Cancels a booking; the answer (now cancelled) replaces the booking shown. */
export function useCancelBooking(lookup: BookingLookup, onCancelled: (booking: BookingDetails) => void) {
  const queryClient = useQueryClient();
  return useMutation<BookingDetails, ApiError>({
    mutationFn: () => cancelBooking(lookup),
    onSuccess: (booking) => {
      queryClient.setQueryData(bookingQueryOptions(lookup).queryKey, booking);
      onCancelled(booking);
    },
  });
}
