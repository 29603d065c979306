import { Skeleton } from '../../../components/ui/skeleton';
import styles from './concert-sale.module.css';
import { useTranslation } from 'react-i18next';

/** Where the seat map (or the waiting room) will be, while it loads. */
export function MapSkeleton({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <div className={styles.mapLoading} aria-busy="true">
      <p role="status" className="visually-hidden">
        {label ?? t('seatMap.loading')}
      </p>
      <Skeleton width="40%" height="1.5rem" style={{ margin: '0 auto' }} />
      <Skeleton height="12rem" />
    </div>
  );
}
