import { Button } from '../../../components/ui/button';
import { Dialog, dialogParts } from '../../../components/ui/dialog';
import { ProblemNotice } from '../../../components/ui/problem-notice';
import { useDeleteConcert } from '../api/delete-concert';
import { deleteProblem } from '../lib/concert-problem';
import { useTranslation } from 'react-i18next';

interface DeleteConcertDialogProps {
  concert: { id: string; title: string };
  token: string;
  onAccessRefused: (error: unknown) => boolean;
  /** Refreshes what shows the concert; the dialog stays busy until it has. */
  onDeleted: (concertId: string) => Promise<unknown>;
  onClose: () => void;
  /** Called once the concert is deleted and what shows it refreshed. */
  onGone: () => void;
  fallbackFocus: () => HTMLElement | null;
}

/** Asks once more before deleting a concert; the safe choice has the focus. */
export function DeleteConcertDialog({
  concert,
  token,
  onAccessRefused,
  onDeleted,
  onClose,
  onGone,
  fallbackFocus,
}: DeleteConcertDialogProps) {
  const { t } = useTranslation();
  const remove = useDeleteConcert({
    onSuccess: (_, { concertId }) => onDeleted(concertId),
    onError: (error) => void onAccessRefused(error),
  });
  const titleId = `delete-title-${concert.id}`;
  const summaryId = `delete-summary-${concert.id}`;
  return (
    <Dialog
      labelledBy={titleId}
      describedBy={summaryId}
      onClose={() => !remove.isPending && onClose()}
      fallbackFocus={fallbackFocus}
    >
      <div className={dialogParts.body}>
        <h2 id={titleId} className={dialogParts.title}>
          {t('organizer.deleteTitle', { concert: concert.title })}
        </h2>
        <p id={summaryId}>{t('organizer.deleteSummary')}</p>
        {remove.isError ? (
          <ProblemNotice title={t('organizer.notDeleted')}>{deleteProblem(remove.error)}</ProblemNotice>
        ) : null}
        <div className={dialogParts.actions}>
          <Button variant="secondary" onClick={onClose} disabled={remove.isPending} data-autofocus>
            {t('organizer.keep')}
          </Button>
          <Button
            onClick={() => remove.mutate({ concertId: concert.id, token }, { onSuccess: onGone })}
            disabled={remove.isPending}
          >
            {remove.isPending ? t('organizer.deleting') : t('organizer.confirmDelete')}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
