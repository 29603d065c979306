import { useMutation, type UseMutationOptions } from '@tanstack/react-query';
import { ADMISSION_PASS_HEADER, bookingSchema, type BookSeatsBody, type Booking } from 'hamro-concert.contracts';
import { apiRequest, type ApiError } from '../../../lib/api-client';

export interface BookSeatsRequest {
  body: BookSeatsBody;
  idempotencyKey: string;
  /** The waiting room's pass, while the concert's sale has one; the booking ends it. */
  admissionPass?: string | null;
}

export function bookSeats({ body, idempotencyKey, admissionPass }: BookSeatsRequest) {
  return apiRequest('/ticket-bookings/seats', bookingSchema, {
    method: 'POST',
    body,
    idempotencyKey,
    headers: { [ADMISSION_PASS_HEADER]: admissionPass },
  });
}

type BookSeatsOptions = Omit<UseMutationOptions<Booking, ApiError, BookSeatsRequest>, 'mutationFn'>;

export function useBookSeats(options: BookSeatsOptions = {}) {
  return useMutation({ ...options, mutationFn: bookSeats });
}
