import type { TierSummary } from 'hamro-concert.contracts';
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import type { EditableConcert } from '../lib/concert-changes';
import { DeleteConcertDialog } from './delete-concert-dialog';
import { EditConcertDialog } from './edit-concert-dialog';
import styles from './organizer.module.css';
import { TierWindowsDialog } from './tier-windows-dialog';
import { useTranslation } from 'react-i18next';

export interface ConcertChangeHandlers {
  onAccessRefused: (error: unknown) => boolean;
  /** Refreshes what shows the concert once it or one of its tiers changed. */
  onChanged: (concertId: string) => Promise<unknown>;
  onDeleted: (concertId: string) => Promise<unknown>;
  /** Where focus goes once a deleted concert's buttons are gone. */
  afterDeleteFocus: () => HTMLElement | null;
}

interface ConcertActionsProps extends ConcertChangeHandlers {
  concert: EditableConcert & { tiers: readonly TierSummary[] };
  token: string;
}

/** Buttons to edit one concert, its tiers' sales windows, or delete it, each opening its dialog. */
export function ConcertActions({ concert, token, afterDeleteFocus, ...handlers }: ConcertActionsProps) {
  const { t } = useTranslation();
  const [open, setOpen] = useState<'edit' | 'tiers' | 'delete' | 'deleted' | null>(null);
  const close = () => setOpen(null);
  // Once deleted the buttons go at once, with the dialog, so focus moves to afterDeleteFocus.
  if (open === 'deleted') return null;
  const dialog = { concert, token, onAccessRefused: handlers.onAccessRefused, onClose: close };
  return (
    <div className={styles.actions}>
      {/* The names say which concert, as every concert in the list has the same two buttons. */}
      <Button
        variant="secondary"
        aria-label={t('organizer.editLabel', { concert: concert.title })}
        onClick={() => setOpen('edit')}
      >
        {t('organizer.edit')}
      </Button>
      <Button
        variant="secondary"
        aria-label={t('organizer.tierSalesLabel', { concert: concert.title })}
        onClick={() => setOpen('tiers')}
      >
        {t('organizer.tierSales')}
      </Button>
      <Button
        variant="ghost"
        aria-label={t('organizer.deleteLabel', { concert: concert.title })}
        onClick={() => setOpen('delete')}
      >
        {t('organizer.delete')}
      </Button>
      {open === 'edit' ? <EditConcertDialog {...dialog} onChanged={handlers.onChanged} /> : null}
      {open === 'tiers' ? <TierWindowsDialog {...dialog} onChanged={handlers.onChanged} /> : null}
      {open === 'delete' ? (
        <DeleteConcertDialog
          {...dialog}
          onDeleted={handlers.onDeleted}
          onGone={() => setOpen('deleted')}
          fallbackFocus={afterDeleteFocus}
        />
      ) : null}
    </div>
  );
}
