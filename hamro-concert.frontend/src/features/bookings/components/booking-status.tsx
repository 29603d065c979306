import type { BookingStatus as Status } from 'hamro-concert.contracts';
import styles from './bookings.module.css';

const STATUSES: Record<Status, { icon: string; text: string; tone: string | undefined }> = {
  confirmed: { icon: '✓', text: 'Confirmed', tone: styles.confirmed },
  cancelled: { icon: '✕', text: 'Cancelled', tone: styles.cancelled },
  awaiting_payment: { icon: '…', text: 'Awaiting payment', tone: styles.awaiting },
  expired: { icon: '✕', text: 'Expired: not paid in time', tone: styles.cancelled },
};

/** Where the booking stands, in a badge whose icon and words say what its colour does. */
export function BookingStatus({ status }: { status: Status }) {
  const { icon, text, tone } = STATUSES[status];
  return (
    <p className={`${styles.status} ${tone ?? ''}`}>
      <span aria-hidden="true">{icon}</span> {text}
    </p>
  );
}
