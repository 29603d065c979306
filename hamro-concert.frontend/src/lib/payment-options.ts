import { queryOptions, useQuery } from '@tanstack/react-query';
import { paymentOptionsSchema } from 'hamro-concert.contracts';
import { apiRequest } from './api-client';

export function getPaymentOptions(signal?: AbortSignal) {
  return apiRequest('/payments/options', paymentOptionsSchema, { signal });
}

/** What this server takes and whether its payments are tests; it changes only with the server's settings. */
export function paymentOptionsQueryOptions() {
  return queryOptions({
    queryKey: ['payments', 'options'],
    queryFn: ({ signal }) => getPaymentOptions(signal),
    staleTime: 5 * 60_000,
  });
}

/** Asked only where it matters (`enabled`): checkout asks when the concert can be paid online. */
export function usePaymentOptions(enabled = true) {
  return useQuery({ ...paymentOptionsQueryOptions(), enabled });
}
