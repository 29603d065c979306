import type { BookingStatus as Status } from 'hamro-concert.contracts';
import styles from './bookings.module.css';
import { useTranslation } from 'react-i18next';

const STATUSES: Record<Status, { icon: string; tone: string | undefined }> = {
  confirmed: { icon: '✓', tone: styles.confirmed },
  cancelled: { icon: '✕', tone: styles.cancelled },
  awaiting_payment: { icon: '…', tone: styles.awaiting },
  expired: { icon: '✕', tone: styles.cancelled },
};

/** Where the booking stands, in a badge whose icon and words say what its colour does. */
export function BookingStatus({ status }: { status: Status }) {
  const { t } = useTranslation();
  const { icon, tone } = STATUSES[status];
  const text = t(`booking.statuses.${status}`);
  return (
    <p className={`${styles.status} ${tone ?? ''}`}>
      <span aria-hidden="true">{icon}</span> {text}
    </p>
  );
}
