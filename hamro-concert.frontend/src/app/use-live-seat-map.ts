import { useQueryClient } from '@tanstack/react-query';
import type { Concert } from 'hamro-concert.contracts';
import { concertListKey, concertQueryOptions } from '../features/concerts';
import { freeSeatsByTier, useSeatMap, useSeatMapStream } from '../features/seat-map';

/**
 * A concert's seat map kept current by its live stream (polled while the stream is down), with the
 * free-seat counts of the concert and of its card in the concert list moved along with each change.
 */
export function useLiveSeatMap(concertId: string) {
  const queryClient = useQueryClient();
  const stream = useSeatMapStream(concertId, (map) => {
    const free = freeSeatsByTier(map);
    const freshen = (concert: Concert): Concert =>
      concert.id !== concertId
        ? concert
        : {
            ...concert,
            tiers: concert.tiers.map((tier) => ({ ...tier, available: free.get(tier.id) ?? tier.available })),
          };
    queryClient.setQueryData(concertQueryOptions(concertId).queryKey, (concert) => concert && freshen(concert));
    queryClient.setQueriesData<{ data: Concert[] }>({ queryKey: concertListKey }, (page) =>
      page ? { ...page, data: page.data.map(freshen) } : page,
    );
  });
  return useSeatMap(concertId, { live: stream.live });
}
