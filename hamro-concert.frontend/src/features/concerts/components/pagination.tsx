import { Link } from 'react-router';
import { buttonClass } from '../../../components/ui/button';
import styles from './pagination.module.css';
import { useTranslation } from 'react-i18next';

interface PaginationProps {
  page: number;
  totalPages: number;
  hrefFor: (page: number) => string;
}

/** Previous and next links between pages of the concert list. */
export function Pagination({ page, totalPages, hrefFor }: PaginationProps) {
  const { t } = useTranslation();
  if (totalPages <= 1) return null;
  const previous = page > 1 ? page - 1 : null;
  const next = page < totalPages ? page + 1 : null;
  return (
    <nav className={styles.nav} aria-label={t('concerts.pages')}>
      {previous ? (
        <Link to={hrefFor(previous)} className={buttonClass('secondary')} rel="prev">
          {t('concerts.previous')}
        </Link>
      ) : (
        <span className={`${buttonClass('secondary')} ${styles.disabled}`} aria-hidden="true">
          {t('concerts.previous')}
        </span>
      )}
      <span className={styles.status} aria-current="page">
        {t('concerts.pageOf', { page, pages: totalPages })}
      </span>
      {next ? (
        <Link to={hrefFor(next)} className={buttonClass('secondary')} rel="next">
          {t('concerts.next')}
        </Link>
      ) : (
        <span className={`${buttonClass('secondary')} ${styles.disabled}`} aria-hidden="true">
          {t('concerts.next')}
        </span>
      )}
    </nav>
  );
}
