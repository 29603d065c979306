import { useMutation, type UseMutationOptions } from '@tanstack/react-query';
import { apiCall, type ApiError } from '../../../lib/api-client';

export interface ResendTicketsRequest {
  reference: string;
  token: string;
}

/** Queues a booking's tickets email once more; the buyer gets it within seconds. */
export function resendTickets({ reference, token }: ResendTicketsRequest) {
  return apiCall(`/admin/bookings/${encodeURIComponent(reference)}/emails`, { method: 'POST', token });
}

type Options = Omit<UseMutationOptions<void, ApiError, ResendTicketsRequest>, 'mutationFn'>;

export function useResendTickets(options: Options = {}) {
  return useMutation({ ...options, mutationFn: resendTickets });
}
