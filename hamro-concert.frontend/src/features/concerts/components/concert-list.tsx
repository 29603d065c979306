import { Link } from 'react-router';
import { buttonClass } from '../../../components/ui/button';
import { ErrorState } from '../../../components/ui/error-state';
import { MessagePanel } from '../../../components/ui/message-panel';
import { CONCERTS_PER_PAGE, useConcerts } from '../api/get-concerts';
import { ConcertCard } from './concert-card';
import { ConcertCardSkeleton } from './concert-card-skeleton';
import styles from './concert-list.module.css';
import { Pagination } from './pagination';
import { useTranslation } from 'react-i18next';

interface ConcertListProps {
  page: number;
  concertHref: (concertId: string) => string;
  pageHref: (page: number) => string;
}

/** The upcoming concerts, one page at a time, with loading, failure and empty states. */
export function ConcertList({ page, concertHref, pageHref }: ConcertListProps) {
  const { t } = useTranslation();
  const concerts = useConcerts(page);

  if (concerts.isPending) {
    return (
      <div aria-busy="true">
        <p role="status" className="visually-hidden">
          {t('concerts.loading')}
        </p>
        <div className={styles.grid}>
          {Array.from({ length: Math.min(CONCERTS_PER_PAGE, 6) }, (_, i) => (
            <ConcertCardSkeleton key={i} />
          ))}
        </div>
      </div>
    );
  }

  if (concerts.isError) {
    return (
      <ErrorState
        title={t('concerts.loadFailed')}
        error={concerts.error}
        onRetry={() => void concerts.refetch()}
        retrying={concerts.isFetching}
      />
    );
  }

  const { data, totalPages } = concerts.data;
  if (data.length === 0) {
    return (
      <MessagePanel
        tone="empty"
        title={page > 1 ? t('concerts.emptyPageTitle') : t('concerts.emptyTitle')}
        action={
          page > 1 ? (
            <Link to={pageHref(1)} className={buttonClass('secondary')}>
              {t('concerts.firstPage')}
            </Link>
          ) : null
        }
      >
        <p>{page > 1 ? t('concerts.emptyPage') : t('concerts.empty')}</p>
      </MessagePanel>
    );
  }

  return (
    <>
      <ul
        className={`${styles.grid} ${concerts.isPlaceholderData ? styles.updating : ''}`}
        aria-label={t('concerts.listLabel')}
      >
        {data.map((concert) => (
          <li key={concert.id} style={{ display: 'grid' }}>
            <ConcertCard concert={concert} href={concertHref(concert.id)} />
          </li>
        ))}
      </ul>
      <Pagination page={page} totalPages={totalPages} hrefFor={pageHref} />
    </>
  );
}
