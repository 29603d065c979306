import { Button } from '../../../components/ui/button';
import { Dialog, dialogParts } from '../../../components/ui/dialog';
import { ProblemNotice } from '../../../components/ui/problem-notice';
import { useDeleteConcert } from '../api/delete-concert';
import { deleteProblem } from '../lib/concert-problem';

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
          Delete {concert.title}?
        </h2>
        <p id={summaryId}>
          The concert, its seats and its sales history will be removed, and it disappears from the public pages. This
          cannot be undone.
        </p>
        {remove.isError ? (
          <ProblemNotice title="The concert was not deleted">{deleteProblem(remove.error)}</ProblemNotice>
        ) : null}
        <div className={dialogParts.actions}>
          <Button variant="secondary" onClick={onClose} disabled={remove.isPending} data-autofocus>
            Keep concert
          </Button>
          <Button
            onClick={() => remove.mutate({ concertId: concert.id, token }, { onSuccess: onGone })}
            disabled={remove.isPending}
          >
            {remove.isPending ? 'Deleting…' : 'Yes, delete concert'}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
