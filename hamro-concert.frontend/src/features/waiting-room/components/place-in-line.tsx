import type { Visit } from 'hamro-concert.contracts';
import { formatCount, formatVenueInstant } from '../../../lib/format';
import { waitText } from '../lib/visit-timing';
import { RoomCountdown } from './room-countdown';
import styles from './waiting-room.module.css';
import { Trans, useTranslation } from 'react-i18next';
import { i18n } from '../../../i18n/i18n';

interface PlaceInLineProps {
  visit: Visit;
  /** The venue's time zone: the opening is said on its clock. */
  timeZone: string;
}

function people(count: number): string {
  return i18n.t('waitingRoom.people', { count });
}

function estimate({ paused, estimatedWaitSeconds }: Visit): string {
  if (paused) return i18n.t('waitingRoom.paused');
  return estimatedWaitSeconds === null ? i18n.t('waitingRoom.notKnown') : waitText(estimatedWaitSeconds);
}

/**
 * A visitor in line: before the opening, that places are drawn at random then; after it, their
 * number, how many are ahead and the estimated wait (or that admissions are paused). The figures
 * are not a live region; RoomAnnouncer speaks when the number changes.
 */
export function PlaceInLine({ visit, timeZone }: PlaceInLineProps) {
  const { t } = useTranslation();
  if (visit.position === null) {
    return (
      <>
        <p className={styles.lead}>
          {visit.opensAt ? (
            <Trans
              i18nKey="waitingRoom.drawnAt"
              values={{ when: formatVenueInstant(visit.opensAt, timeZone) }}
              components={{ time: <time dateTime={visit.opensAt} /> }}
            />
          ) : (
            t('waitingRoom.drawn')
          )}{' '}
          {t('waitingRoom.sameChance')}
        </p>
        {visit.opensAt ? <RoomCountdown label={t('waitingRoom.salesOpenIn')} at={visit.opensAt} /> : null}
        <p className={styles.hint}>{t('waitingRoom.waitingSoFar', { people: people(visit.waiting) })}</p>
      </>
    );
  }
  return (
    <>
      <dl className={styles.figures}>
        <div className={styles.figure}>
          <dt>{t('waitingRoom.yourNumber')}</dt>
          <dd>{formatCount(visit.position)}</dd>
        </div>
        <div className={styles.figure}>
          <dt>{t('waitingRoom.ahead')}</dt>
          <dd>{people(visit.ahead ?? visit.position - 1)}</dd>
        </div>
        <div className={styles.figure}>
          <dt>{t('waitingRoom.estimatedWait')}</dt>
          <dd>{estimate(visit)}</dd>
        </div>
      </dl>
      {visit.paused ? <p className={styles.note}>{t('waitingRoom.pausedNote')}</p> : null}
    </>
  );
}
