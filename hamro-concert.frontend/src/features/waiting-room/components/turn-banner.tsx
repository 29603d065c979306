import type { Visit } from 'hamro-concert.contracts';
import { formatVenueInstant } from '../../../lib/format';
import styles from './waiting-room.module.css';

/** Above the seat map during the visitor's turn: until when, and that holding seats keeps it going. */
export function TurnBanner({ visit, timeZone }: { visit: Visit; timeZone: string }) {
  if (visit.state !== 'admitted' || !visit.passExpiresAt) return null;
  return (
    <div className={styles.turn}>
      <p className={styles.turnTitle}>It's your turn to choose seats</p>
      <p>
        Your turn lasts until{' '}
        <time dateTime={visit.passExpiresAt}>{formatVenueInstant(visit.passExpiresAt, timeZone)}</time>; holding seats
        keeps it going, and a booking ends it.
      </p>
    </div>
  );
}
