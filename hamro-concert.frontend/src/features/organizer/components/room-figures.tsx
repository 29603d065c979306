import type { Room } from 'hamro-concert.contracts';
import { formatCount, formatVenueInstant } from '../../../lib/format';
import styles from './organizer.module.css';
import { Trans, useTranslation } from 'react-i18next';

/**
 * The room's live figures, refreshed every 2 s. Not a live region: a screen reader would otherwise
 * read them out every two seconds; they are there to be looked at, or read on demand.
 */
export function RoomFigures({ room, timeZone }: { room: Room; timeZone: string }) {
  const { t } = useTranslation();
  const figures = [
    [t('organizer.roomFigures.waiting'), room.waiting],
    [t('organizer.roomFigures.shopping'), room.shopping],
    [t('organizer.roomFigures.lastMinute'), room.admittedLastMinute],
    [t('organizer.roomFigures.admitted'), room.admitted],
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
          <Trans
            i18nKey="organizer.roomTimes"
            values={{
              join: formatVenueInstant(room.joinsFrom, timeZone),
              open: formatVenueInstant(room.opensAt, timeZone),
              minutes: room.passMinutes,
            }}
            components={{ join: <time dateTime={room.joinsFrom} />, open: <time dateTime={room.opensAt} /> }}
          />
        </p>
      ) : null}
    </>
  );
}
