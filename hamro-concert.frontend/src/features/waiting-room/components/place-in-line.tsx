import type { Visit } from 'hamro-concert.contracts';
import { formatCount, formatVenueInstant } from '../../../lib/format';
import { waitText } from '../lib/visit-timing';
import { RoomCountdown } from './room-countdown';
import styles from './waiting-room.module.css';

interface PlaceInLineProps {
  visit: Visit;
  /** The venue's time zone: the opening is said on its clock. */
  timeZone: string;
}

function people(count: number): string {
  return `${formatCount(count)} ${count === 1 ? 'person' : 'people'}`;
}

function estimate({ paused, estimatedWaitSeconds }: Visit): string {
  if (paused) return 'Paused';
  return estimatedWaitSeconds === null ? 'Not known yet' : waitText(estimatedWaitSeconds);
}

/**
 * A visitor in line: before the opening, that places are drawn at random then; after it, their
 * number, how many are ahead and the estimated wait (or that admissions are paused). The figures
 * are not a live region; RoomAnnouncer speaks when the number changes.
 */
export function PlaceInLine({ visit, timeZone }: PlaceInLineProps) {
  if (visit.position === null) {
    return (
      <>
        <p className={styles.lead}>
          Places in line are drawn at random at the opening
          {visit.opensAt ? (
            <>
              , <time dateTime={visit.opensAt}>{formatVenueInstant(visit.opensAt, timeZone)}</time>
            </>
          ) : null}
          . Everyone who is here before then has the same chance, so there is no need to refresh.
        </p>
        {visit.opensAt ? <RoomCountdown label="Sales open in" at={visit.opensAt} /> : null}
        <p className={styles.hint}>{people(visit.waiting)} waiting so far.</p>
      </>
    );
  }
  return (
    <>
      <dl className={styles.figures}>
        <div className={styles.figure}>
          <dt>Your number in line</dt>
          <dd>{formatCount(visit.position)}</dd>
        </div>
        <div className={styles.figure}>
          <dt>Ahead of you</dt>
          <dd>{people(visit.ahead ?? visit.position - 1)}</dd>
        </div>
        <div className={styles.figure}>
          <dt>Estimated wait</dt>
          <dd>{estimate(visit)}</dd>
        </div>
      </dl>
      {visit.paused ? (
        <p className={styles.note}>
          The organizer has paused admissions for a moment. You keep your place, and the line moves on again when they
          resume.
        </p>
      ) : null}
    </>
  );
}
