import { useQueryClient } from '@tanstack/react-query';
import { concertListKey, concertQueryOptions } from '../features/concerts';
import { seatMapQueryOptions } from '../features/seat-map';

/** Refreshes every view of a concert's availability (list cards, concert, seat map) in place. */
export function useRefreshConcert() {
  const queryClient = useQueryClient();
  return {
    everything: (concertId: string) =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: concertListKey }),
        queryClient.invalidateQueries({ queryKey: concertQueryOptions(concertId).queryKey }),
        queryClient.invalidateQueries({ queryKey: seatMapQueryOptions(concertId).queryKey }),
      ]),
    seatMap: (concertId: string) =>
      queryClient.invalidateQueries({ queryKey: seatMapQueryOptions(concertId).queryKey }),
  };
}
