import { useMutation, useQueryClient, type UseMutationOptions } from '@tanstack/react-query';
import { apiCall, type ApiError } from '../../../lib/api-client';
import { concertSalesQueryOptions } from './get-concert-sales';
import { refundsDueQueryOptions } from './get-refunds-due';

export interface MarkRefundedRequest {
  /** The payment refunded, as the refunds list names it. */
  paymentId: string;
  concertId: string;
  token: string;
}

/** Records that an eSewa payment was given back by hand (eSewa has no refund API). */
export function markRefunded({ paymentId, token }: MarkRefundedRequest) {
  return apiCall(`/admin/refunds/${encodeURIComponent(paymentId)}/refunded`, { method: 'POST', token });
}

type Options = Omit<UseMutationOptions<void, ApiError, MarkRefundedRequest>, 'mutationFn'>;

/** The refunds list and the sales report's money both change: the mutation ends once both are fresh. */
export function useMarkRefunded({ onSuccess, ...options }: Options = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    ...options,
    mutationFn: markRefunded,
    onSuccess: async (...args) => {
      const [, { concertId, token }] = args;
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: refundsDueQueryOptions(concertId, token).queryKey }),
        queryClient.invalidateQueries({ queryKey: concertSalesQueryOptions(concertId, token).queryKey }),
      ]);
      await onSuccess?.(...args);
    },
  });
}
