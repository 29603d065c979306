import type { Concert } from 'hamro-concert.contracts';
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import type { EditableConcert } from '../lib/concert-changes';
import { DeleteConcertDialog } from './delete-concert-dialog';
import { EditConcertDialog } from './edit-concert-dialog';
import styles from './organizer.module.css';

export interface ConcertChangeHandlers {
  onAccessRefused: (error: unknown) => boolean;
  onChanged: (concert: Concert) => Promise<unknown>;
  onDeleted: (concertId: string) => Promise<unknown>;
  /** Where focus goes once a deleted concert's buttons are gone. */
  afterDeleteFocus: () => HTMLElement | null;
}

interface ConcertActionsProps extends ConcertChangeHandlers {
  concert: EditableConcert;
  token: string;
}

/** Edit and delete buttons for one concert, each opening its dialog. */
export function ConcertActions({ concert, token, afterDeleteFocus, ...handlers }: ConcertActionsProps) {
  const [open, setOpen] = useState<'edit' | 'delete' | 'deleted' | null>(null);
  const close = () => setOpen(null);
  // Once deleted the buttons go at once, with the dialog, so focus moves to afterDeleteFocus.
  if (open === 'deleted') return null;
  return (
    <div className={styles.actions}>
      {/* The names say which concert, as every concert in the list has the same two buttons. */}
      <Button variant="secondary" aria-label={`Edit details of ${concert.title}`} onClick={() => setOpen('edit')}>
        Edit details
      </Button>
      <Button variant="ghost" aria-label={`Delete ${concert.title}`} onClick={() => setOpen('delete')}>
        Delete
      </Button>
      {open === 'edit' ? (
        <EditConcertDialog
          concert={concert}
          token={token}
          onAccessRefused={handlers.onAccessRefused}
          onChanged={handlers.onChanged}
          onClose={close}
        />
      ) : null}
      {open === 'delete' ? (
        <DeleteConcertDialog
          concert={concert}
          token={token}
          onAccessRefused={handlers.onAccessRefused}
          onDeleted={handlers.onDeleted}
          onClose={close}
          onGone={() => setOpen('deleted')}
          fallbackFocus={afterDeleteFocus}
        />
      ) : null}
    </div>
  );
}
