import type { RoomSettings } from 'hamro-concert.contracts';
import { useEffect } from 'react';
import { Button } from '../../../components/ui/button';
import { ProblemNotice } from '../../../components/ui/problem-notice';
import { errorMessage } from '../../../lib/error-message';
import { isAccessRefused } from '../../../lib/session-token';
import { useConfigureWaitingRoom } from '../api/configure-waiting-room';
import { useConcertWaitingRoom } from '../api/get-waiting-room';
import { roomSettings } from '../lib/room-draft';
import { RoomFigures } from './room-figures';
import { RoomSettingsForm } from './room-settings-form';
import styles from './organizer.module.css';
import { useTranslation } from 'react-i18next';

export interface RoomControlsProps {
  concertId: string;
  title: string;
  timeZone: string;
  token: string;
  onAccessRefused: (error: unknown) => boolean;
}

/** A concert's waiting room, live: its figures every 2 s, its settings, and pause or resume at once. */
export function RoomControls({ concertId, title, timeZone, token, onAccessRefused }: RoomControlsProps) {
  const { t } = useTranslation();
  const room = useConcertWaitingRoom(concertId, token);
  const configure = useConfigureWaitingRoom({ onError: (error) => void onAccessRefused(error) });
  const refused = isAccessRefused(room.error);
  // A refused token is the gate's business: it forgets the token and asks again.
  useEffect(() => {
    if (refused) onAccessRefused(room.error);
  }, [refused, room.error, onAccessRefused]);

  if (refused) return null;
  if (room.isPending) return <p className={styles.muted}>{t('organizer.roomLoading', { concert: title })}</p>;
  if (room.isError && !room.data) {
    return (
      <div className={styles.error} role="alert">
        <p>{t('organizer.roomFailed', { concert: title, why: errorMessage(room.error) })}</p>
        <Button variant="secondary" onClick={() => void room.refetch()}>
          {t('organizer.tryAgain')}
        </Button>
      </div>
    );
  }
  const current = room.data;
  const save = (settings: RoomSettings) => configure.mutateAsync({ concertId, settings, token }).catch(() => undefined);
  return (
    <>
      <RoomFigures room={current} timeZone={timeZone} />
      {current.enabled ? (
        <div className={styles.actions}>
          <p className={styles.roomState}>{current.paused ? t('organizer.paused') : t('organizer.admitting')}</p>
          <Button
            variant="secondary"
            disabled={configure.isPending}
            onClick={() => void save({ ...roomSettings(current), paused: !current.paused })}
          >
            {current.paused ? t('organizer.resume') : t('organizer.pause')}
          </Button>
        </div>
      ) : null}
      <RoomSettingsForm room={current} title={title} saving={configure.isPending} onSave={save} />
      {configure.isError ? (
        <ProblemNotice title={t('organizer.roomNotChanged')}>{errorMessage(configure.error)}</ProblemNotice>
      ) : null}
      {configure.isSuccess ? (
        <p role="status" className={styles.muted}>
          {configure.data.enabled ? t('organizer.savedOn') : t('organizer.savedOff')}
        </p>
      ) : null}
    </>
  );
}
