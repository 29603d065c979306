import { useMutation, type UseMutationOptions } from '@tanstack/react-query';
import { bookingSchema, type BookSeatsBody, type Booking } from 'hamro-concert.api/contracts';
import { apiRequest, type ApiError } from '../../../lib/api-client';

export function bookSeats(body: BookSeatsBody) {
  return apiRequest('/ticket-bookings/seats', bookingSchema, { method: 'POST', body });
}

type BookSeatsOptions = Omit<UseMutationOptions<Booking, ApiError, BookSeatsBody>, 'mutationFn'>;

export function useBookSeats(options: BookSeatsOptions = {}) {
  return useMutation({ ...options, mutationFn: bookSeats });
}
