import { Skeleton } from '../../../components/ui/skeleton';
import styles from './concert-sale.module.css';

/** Where the seat map (or the waiting room) will be, while it loads. */
export function MapSkeleton({ label = 'Loading the seat map…' }: { label?: string }) {
  return (
    <div className={styles.mapLoading} aria-busy="true">
      <p role="status" className="visually-hidden">
        {label}
      </p>
      <Skeleton width="40%" height="1.5rem" style={{ margin: '0 auto' }} />
      <Skeleton height="12rem" />
    </div>
  );
}
