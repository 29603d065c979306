import { Skeleton } from '../../../components/ui/skeleton';
import styles from './concert-card.module.css';

/** The shape of a concert card while the list loads. */
export function ConcertCardSkeleton() {
  return (
    <div className={styles.card} aria-hidden="true">
      <Skeleton height="auto" style={{ aspectRatio: '16 / 9', borderRadius: 0 }} />
      <div className={styles.body}>
        <Skeleton width="55%" height="0.8rem" />
        <Skeleton width="80%" height="1.4rem" />
        <Skeleton width="45%" />
        <Skeleton width="65%" />
        <Skeleton height="4.5rem" style={{ marginTop: 'var(--space-3)' }} />
      </div>
    </div>
  );
}
