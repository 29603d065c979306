import type { Room } from 'hamro-concert.contracts';
import { formatCount, formatVenueInstant } from '../../../lib/format';
import styles from './organizer.module.css';

/**
 * The room's live figures, refreshed every 2 s. Not a live region: a screen reader would otherwise
 * read them out every two seconds; they are there to be looked at, or read on demand.
 */
export function RoomFigures({ room, timeZone }: { room: Room; timeZone: string }) {
  const figures = [
    ['Waiting', room.waiting],
    ['Shopping now', room.shopping],
    ['Admitted in the last minute', room.admittedLastMinute],
    ['Admitted in all', room.admitted],
  ] as const;
  return (
    <>
      <dl className={styles.figures}>
        {figures.map(([term, value]) => (
          <div key={term} className={styles.figure}>
            <dt>{term}</dt>
            <dd>{formatCount(value)}</dd>
          </div>
        ))}
      </dl>
      {room.enabled ? (
        <p className={styles.muted}>
          Visitors join from <time dateTime={room.joinsFrom}>{formatVenueInstant(room.joinsFrom, timeZone)}</time>;
          admissions begin <time dateTime={room.opensAt}>{formatVenueInstant(room.opensAt, timeZone)}</time>. A pass
          lasts {room.passMinutes} min, renewed by each hold.
        </p>
      ) : null}
    </>
  );
}
