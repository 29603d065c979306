import { useId, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { RoomControls, type RoomControlsProps } from './room-controls';
import styles from './organizer.module.css';
import { useTranslation } from 'react-i18next';

/**
 * A concert's waiting room behind a disclosure button beside its sales: closed, it asks nothing;
 * open, it shows the room's live figures (refreshed every 2 s) and its settings.
 */
export function WaitingRoomPanel(props: RoomControlsProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className={styles.room}>
      <Button
        variant="secondary"
        aria-expanded={open}
        aria-controls={id}
        aria-label={t('organizer.roomLabel', { concert: props.title })}
        onClick={() => setOpen((current) => !current)}
      >
        {t('organizer.room')}
      </Button>
      <section
        id={id}
        hidden={!open}
        aria-label={t('organizer.roomLabel', { concert: props.title })}
        className={styles.roomBody}
      >
        {open ? <RoomControls {...props} /> : null}
      </section>
    </div>
  );
}
