import type { Visit } from 'hamro-concert.contracts';
import panels from '../../../styles/panels.module.css';
import { formatVenueInstant } from '../../../lib/format';
import type { WaitingRoom } from '../hooks/use-waiting-room';
import { ExpiredTurn } from './expired-turn';
import { PlaceInLine } from './place-in-line';
import { RoomCountdown } from './room-countdown';
import styles from './waiting-room.module.css';
import { Trans, useTranslation } from 'react-i18next';

interface WaitingRoomViewProps {
  room: WaitingRoom;
  visit: Visit;
  /** The venue's time zone: times are said on its clock. */
  timeZone: string;
}

/**
 * Where the seat map would be while the sale lets buyers in a few at a time: when joining opens,
 * the visitor's place in line, or that their turn has ended. The seat map opens by itself at the
 * visitor's turn; leaving and coming back in this browser keeps the place.
 */
export function WaitingRoomView({ room, visit, timeZone }: WaitingRoomViewProps) {
  const { t } = useTranslation();
  return (
    <section className={`${panels.accentPanel} ${styles.room}`} aria-labelledby="waiting-room-title">
      <h2 id="waiting-room-title" className={styles.title}>
        {t(`waitingRoom.titles.${visit.state}`)}
      </h2>
      {visit.state === 'not-yet' && visit.joinsFrom ? (
        <>
          <p className={styles.lead}>
            <Trans
              i18nKey="waitingRoom.opensSoon"
              values={{ when: formatVenueInstant(visit.joinsFrom, timeZone) }}
              components={{ time: <time dateTime={visit.joinsFrom} /> }}
            />
          </p>
          <RoomCountdown label={t('waitingRoom.joiningOpensIn')} at={visit.joinsFrom} />
          <p className={styles.hint}>{t('waitingRoom.keepOpenJoin')}</p>
        </>
      ) : null}
      {visit.state === 'waiting' ? (
        <>
          <PlaceInLine visit={visit} timeZone={timeZone} />
          <p className={styles.hint}>{t('waitingRoom.keepOpenTurn')}</p>
        </>
      ) : null}
      {visit.state === 'expired' ? <ExpiredTurn room={room} /> : null}
    </section>
  );
}
