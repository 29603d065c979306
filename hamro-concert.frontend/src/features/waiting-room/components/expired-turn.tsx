import { Button } from '../../../components/ui/button';
import { ProblemNotice } from '../../../components/ui/problem-notice';
import { errorMessage } from '../../../lib/error-message';
import type { WaitingRoom } from '../hooks/use-waiting-room';
import styles from './waiting-room.module.css';
import { useTranslation } from 'react-i18next';

/** The pass has ended (a booking used it, or it ran out): joining again queues at the back. */
export function ExpiredTurn({ room }: { room: WaitingRoom }) {
  const { t } = useTranslation();
  return (
    <>
      <p className={styles.lead}>{t('waitingRoom.expired')}</p>
      {room.joinError ? (
        <ProblemNotice title={t('waitingRoom.joinFailed')}>{errorMessage(room.joinError)}</ProblemNotice>
      ) : null}
      <div className={styles.actions}>
        <Button onClick={room.joinAgain} disabled={room.joining}>
          {room.joining ? t('waitingRoom.joining') : t('waitingRoom.joinAgain')}
        </Button>
      </div>
    </>
  );
}
