import { queryOptions, useQuery } from '@tanstack/react-query';
import { bookingDetailsSchema } from 'hamro-concert.contracts';
import { apiRequest } from '../../../lib/api-client';
import type { BookingLookup } from '../lib/lookup';

export function getBooking({ reference, email }: BookingLookup, signal?: AbortSignal) {
  const query = new URLSearchParams({ email });
  return apiRequest(`/bookings/${encodeURIComponent(reference)}?${query}`, bookingDetailsSchema, { signal });
}

/** A booking found by its reference and the email it was made with; kept only in memory. */
export function bookingQueryOptions(lookup: BookingLookup) {
  return queryOptions({
    queryKey: ['bookings', 'detail', lookup.reference, lookup.email],
    queryFn: ({ signal }) => getBooking(lookup, signal),
    staleTime: 30_000,
    refetchOnWindowFocus: false,
  });
}

export function useBooking(lookup: BookingLookup | null) {
  return useQuery({ ...bookingQueryOptions(lookup ?? { reference: '', email: '' }), enabled: lookup !== null });
}
