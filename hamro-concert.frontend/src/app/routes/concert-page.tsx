import { Link, useParams } from 'react-router';
import { ErrorState } from '../../components/ui/error-state';
import { ConcertDetails, ConcertDetailsSkeleton, useConcert } from '../../features/concerts';
import { useWaitingRoom } from '../../features/waiting-room';
import { ApiError } from '../../lib/api-client';
import { paths } from '../paths';
import { ConcertSale } from './concert/concert-sale';
import { MapSkeleton } from './concert/map-skeleton';
import { NotFoundPage } from './not-found-page';
import styles from './concert-page.module.css';

function isMissing(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.code === 'validation-failed');
}

/** A concert's own page (/concert/:concertId): details, then its waiting room or the live seat map and booking. */
export function ConcertPage() {
  const { concertId = '' } = useParams();
  const concert = useConcert(concertId);
  // Asked beside the concert, not after it: the visitor's place is known as soon as the page is.
  const room = useWaitingRoom(concertId);

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
      {concert.data ? <ConcertDetails concert={concert.data} seatsShown={!room.visit || room.mayShop} /> : null}
      {concert.data ? <ConcertSale concert={concert.data} room={room} /> : null}
      {concert.isPending ? <MapSkeleton /> : null}
    </>
  );
}
