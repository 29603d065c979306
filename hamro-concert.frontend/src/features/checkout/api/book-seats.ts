import { useMutation, type UseMutationOptions } from '@tanstack/react-query';
import { bookingSchema, type BookSeatsBody, type Booking } from 'hamro-concert.api/contracts';
import { apiRequest, type ApiError } from '../../../lib/api-client';

export interface BookSeatsRequest {
  body: BookSeatsBody;
  idempotencyKey: string;
}

export function bookSeats({ body, idempotencyKey }: BookSeatsRequest) {
  return apiRequest('/ticket-bookings/seats', bookingSchema, { method: 'POST', body, idempotencyKey });
}

type BookSeatsOptions = Omit<UseMutationOptions<Booking, ApiError, BookSeatsRequest>, 'mutationFn'>;

export function useBookSeats(options: BookSeatsOptions = {}) {
  return useMutation({ ...options, mutationFn: bookSeats });
}
