import { useMutation, type UseMutationOptions } from '@tanstack/react-query';
import { admissionSchema, type Admission } from 'hamro-concert.contracts';
import { apiRequest, type ApiError } from '../../../lib/api-client';

export interface CheckInRequest {
  code: string;
  /** The concert this door admits: a ticket of another one is refused. */
  concertId: string;
  token: string;
}

/** Lets the holder of a ticket in: each ticket code is admitted once, at its own concert's door. */
export function checkIn({ code, concertId, token }: CheckInRequest) {
  return apiRequest('/check-in', admissionSchema, { method: 'POST', body: { code, concertId }, token });
}

type Options = Omit<UseMutationOptions<Admission, ApiError, CheckInRequest>, 'mutationFn'>;

export function useCheckIn(options: Options = {}) {
  return useMutation({ ...options, mutationFn: checkIn });
}
