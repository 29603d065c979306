import { Link, useParams } from 'react-router';
import { ErrorState } from '../../components/ui/error-state';
import { Skeleton } from '../../components/ui/skeleton';
import { ConcertDetails, ConcertDetailsSkeleton, useConcert } from '../../features/concerts';
import { ApiError } from '../../lib/api-client';
import { paths } from '../paths';
import { useLiveSeatMap } from '../use-live-seat-map';
import { ConcertBooking } from './concert/concert-booking';
import { NotFoundPage } from './not-found-page';
import styles from './concert-page.module.css';

function isMissing(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.code === 'validation-failed');
}

function MapSkeleton() {
  return (
    <div className={styles.mapLoading} aria-busy="true">
      <p role="status" className="visually-hidden">
        Loading the seat map…
      </p>
      <Skeleton width="40%" height="1.5rem" style={{ margin: '0 auto' }} />
      <Skeleton height="12rem" />
    </div>
  );
}

/** A concert's own page (/concert/:concertId): details, the live seat map and booking. */
export function ConcertPage() {
  const { concertId = '' } = useParams();
  const concert = useConcert(concertId);
  const seatMap = useLiveSeatMap(concertId);

  if (concert.isError && isMissing(concert.error)) {
    return (
      <NotFoundPage
        what="Concert"
        title="We couldn't find this concert"
        explanation="It may have been removed, or the link is mistyped."
      />
    );
  }

  return (
    <>
      <Link to={paths.home} className={styles.back}>
        ← All concerts
      </Link>
      {concert.data ? <title>{`${concert.data.title} · Hamro Concert`}</title> : null}
      {concert.isPending ? <ConcertDetailsSkeleton /> : null}
      {concert.isError ? (
        <ErrorState
          title="We couldn't load this concert"
          error={concert.error}
          onRetry={() => void concert.refetch()}
          retrying={concert.isFetching}
        />
      ) : null}
      {concert.data ? <ConcertDetails concert={concert.data} /> : null}
      {seatMap.isError && !seatMap.data ? (
        <div className={styles.mapError}>
          <ErrorState
            title="We couldn't load the seat map"
            error={seatMap.error}
            onRetry={() => void seatMap.refetch()}
            retrying={seatMap.isFetching}
          />
        </div>
      ) : null}
      {concert.data && seatMap.data ? <ConcertBooking concert={concert.data} seatMap={seatMap.data} /> : null}
      {(concert.isPending || seatMap.isPending) && !concert.isError ? <MapSkeleton /> : null}
    </>
  );
}
