import type { Visit } from 'hamro-concert.contracts';
import panels from '../../../styles/panels.module.css';
import { formatVenueInstant } from '../../../lib/format';
import type { WaitingRoom } from '../hooks/use-waiting-room';
import { ExpiredTurn } from './expired-turn';
import { PlaceInLine } from './place-in-line';
import { RoomCountdown } from './room-countdown';
import styles from './waiting-room.module.css';

interface WaitingRoomViewProps {
  room: WaitingRoom;
  visit: Visit;
  /** The venue's time zone: times are said on its clock. */
  timeZone: string;
}

const TITLES: Record<Visit['state'], string> = {
  off: 'Choose your seats',
  'not-yet': 'The waiting room opens soon',
  joinable: 'Joining the line…',
  waiting: "You're in the waiting room",
  admitted: "It's your turn",
  expired: 'Your turn has ended',
};

/**
 * Where the seat map would be while the sale lets buyers in a few at a time: when joining opens,
 * the visitor's place in line, or that their turn has ended. The seat map opens by itself at the
 * visitor's turn; leaving and coming back in this browser keeps the place.
 */
export function WaitingRoomView({ room, visit, timeZone }: WaitingRoomViewProps) {
  return (
    <section className={`${panels.accentPanel} ${styles.room}`} aria-labelledby="waiting-room-title">
      <h2 id="waiting-room-title" className={styles.title}>
        {TITLES[visit.state]}
      </h2>
      {visit.state === 'not-yet' && visit.joinsFrom ? (
        <>
          <p className={styles.lead}>
            Lots of people want these tickets, so buyers are let in to choose seats a few at a time. The line opens{' '}
            <time dateTime={visit.joinsFrom}>{formatVenueInstant(visit.joinsFrom, timeZone)}</time>.
          </p>
          <RoomCountdown label="Joining opens in" at={visit.joinsFrom} />
          <p className={styles.hint}>Keep this page open: you join the line by yourself at that moment.</p>
        </>
      ) : null}
      {visit.state === 'waiting' ? (
        <>
          <PlaceInLine visit={visit} timeZone={timeZone} />
          <p className={styles.hint}>
            Keep this page open: the seat map opens by itself when it is your turn. Coming back in this browser keeps
            your place.
          </p>
        </>
      ) : null}
      {visit.state === 'expired' ? <ExpiredTurn room={room} /> : null}
    </section>
  );
}
