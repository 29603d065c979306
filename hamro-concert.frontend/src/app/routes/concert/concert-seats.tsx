import { usePrefetchQuery } from '@tanstack/react-query';
import type { Concert } from 'hamro-concert.contracts';
import { ErrorState } from '../../../components/ui/error-state';
import { proofOfWorkQueryOptions } from '../../../lib/proof-of-work';
import { useLiveSeatMap } from '../../use-live-seat-map';
import { ConcertBooking, type Admission } from './concert-booking';
import { MapSkeleton } from './map-skeleton';
import styles from './concert-sale.module.css';
import { useTranslation } from 'react-i18next';

/**
 * The live seat map and checkout. Mounted only once the visitor may choose seats, so those still in
 * the waiting room neither load the map nor follow its live stream. A new browser session's proof
 * of work for its first hold is solved meanwhile, while the buyer looks at the seats.
 */
export function ConcertSeats({ concert, admission }: { concert: Concert; admission: Admission }) {
  const { t } = useTranslation();
  const seatMap = useLiveSeatMap(concert.id);
  usePrefetchQuery(proofOfWorkQueryOptions(concert.id));
  if (seatMap.data) return <ConcertBooking concert={concert} seatMap={seatMap.data} admission={admission} />;
  if (seatMap.isError) {
    return (
      <div className={styles.mapError}>
        <ErrorState
          title={t('seatMap.loadFailed')}
          error={seatMap.error}
          onRetry={() => void seatMap.refetch()}
          retrying={seatMap.isFetching}
        />
      </div>
    );
  }
  return <MapSkeleton />;
}
