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
import { useTranslation } from 'react-i18next';
import { BRAND } from '../brand';

function isMissing(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 404 || error.code === 'validation-failed');
}

/** A concert's own page (/concert/:concertId): details, then its waiting room or the live seat map and booking. */
export function ConcertPage() {
  const { concertId = '' } = useParams();
  const { t } = useTranslation();
  const concert = useConcert(concertId);
  // Asked beside the concert, not after it: the visitor's place is known as soon as the page is.
  const room = useWaitingRoom(concertId);

  if (concert.isError && isMissing(concert.error)) {
    return (
      <NotFoundPage
        what={t('concerts.concert')}
        title={t('concerts.notFoundTitle')}
        explanation={t('concerts.notFoundExplanation')}
      />
    );
  }

  return (
    <>
      <Link to={paths.home} className={styles.back}>
        {t('concerts.allConcerts')}
      </Link>
      {concert.data ? <title>{t('common.pageTitle', { page: concert.data.title, brand: BRAND })}</title> : null}
      {concert.isPending ? <ConcertDetailsSkeleton /> : null}
      {concert.isError ? (
        <ErrorState
          title={t('concerts.loadOneFailed')}
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
