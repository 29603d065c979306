import { useMutation, type UseMutationOptions } from '@tanstack/react-query';
import { admissionSchema, type Admission } from 'hamro-concert.api/contracts';
import { apiRequest, type ApiError } from '../../../lib/api-client';

export interface CheckInRequest {
  code: string;
  token: string;
}

/** Lets the holder of a ticket in: each ticket code is admitted once. */
export function checkIn({ code, token }: CheckInRequest) {
  return apiRequest('/check-in', admissionSchema, { method: 'POST', body: { code }, token });
}

type Options = Omit<UseMutationOptions<Admission, ApiError, CheckInRequest>, 'mutationFn'>;

export function useCheckIn(options: Options = {}) {
  return useMutation({ ...options, mutationFn: checkIn });
}
