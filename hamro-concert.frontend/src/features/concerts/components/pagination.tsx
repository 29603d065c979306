import { Link } from 'react-router';
import { buttonClass } from '../../../components/ui/button';
import styles from './pagination.module.css';

interface PaginationProps {
  page: number;
  totalPages: number;
  hrefFor: (page: number) => string;
}

/** Previous and next links between pages of the concert list. */
export function Pagination({ page, totalPages, hrefFor }: PaginationProps) {
  if (totalPages <= 1) return null;
  const previous = page > 1 ? page - 1 : null;
  const next = page < totalPages ? page + 1 : null;
  return (
    <nav className={styles.nav} aria-label="Concert pages">
      {previous ? (
        <Link to={hrefFor(previous)} className={buttonClass('secondary')} rel="prev">
          ← Previous
        </Link>
      ) : (
        <span className={`${buttonClass('secondary')} ${styles.disabled}`} aria-hidden="true">
          ← Previous
        </span>
      )}
      <span className={styles.status} aria-current="page">
        Page {page} of {totalPages}
      </span>
      {next ? (
        <Link to={hrefFor(next)} className={buttonClass('secondary')} rel="next">
          Next →
        </Link>
      ) : (
        <span className={`${buttonClass('secondary')} ${styles.disabled}`} aria-hidden="true">
          Next →
        </span>
      )}
    </nav>
  );
}
