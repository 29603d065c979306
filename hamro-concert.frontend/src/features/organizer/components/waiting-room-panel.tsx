import { useId, useState } from 'react';
import { Button } from '../../../components/ui/button';
import { RoomControls, type RoomControlsProps } from './room-controls';
import styles from './organizer.module.css';

/**
 * A concert's waiting room behind a disclosure button beside its sales: closed, it asks nothing;
 * open, it shows the room's live figures (refreshed every 2 s) and its settings.
 */
export function WaitingRoomPanel(props: RoomControlsProps) {
  const [open, setOpen] = useState(false);
  const id = useId();
  return (
    <div className={styles.room}>
      <Button
        variant="secondary"
        aria-expanded={open}
        aria-controls={id}
        aria-label={`Waiting room of ${props.title}`}
        onClick={() => setOpen((current) => !current)}
      >
        Waiting room
      </Button>
      <section id={id} hidden={!open} aria-label={`Waiting room of ${props.title}`} className={styles.roomBody}>
        {open ? <RoomControls {...props} /> : null}
      </section>
    </div>
  );
}
