import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { Dialog, dialogParts } from '../../../components/ui/dialog';
import { ProblemNotice } from '../../../components/ui/problem-notice';
import { errorMessage } from '../../../lib/error-message';
import { useUpdateConcert } from '../api/update-concert';
import { checkChanges, detailsDraft, draftChanges, type EditableConcert } from '../lib/concert-changes';
import { windowErrors } from '../lib/sales-window-draft';
import { noWayToPay } from '../lib/venue-draft';
import { ConcertFields } from './concert-fields';
import styles from './organizer.module.css';
import { PaymentMethodsField } from './payment-methods-field';
import { SalesWindowFields } from './sales-window-fields';
import { useTranslation } from 'react-i18next';

interface EditConcertDialogProps {
  concert: EditableConcert;
  token: string;
  onAccessRefused: (error: unknown) => boolean;
  /** Refreshes what shows the concert; the dialog stays busy until it has. */
  onChanged: (concertId: string) => Promise<unknown>;
  onClose: () => void;
}

/**
 * The concert's details, sales window and ways to pay in a form; only what changed is sent. Errors
 * show once saving is tried, except a window that closes before it opens and no way to pay, which
 * show at once.
 */
export function EditConcertDialog({ concert, token, onAccessRefused, onChanged, onClose }: EditConcertDialogProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => detailsDraft(concert));
  const [attempted, setAttempted] = useState(false);
  const update = useUpdateConcert({
    onSuccess: (changed) => onChanged(changed.id),
    onError: (error) => void onAccessRefused(error),
  });
  const changes = draftChanges(draft, concert);
  const unchanged = Object.keys(changes).length === 0;
  const check = checkChanges(changes);
  // A window that closes before it opens, and no way to pay, show at once; the rest once saving is tried.
  const atOnce = {
    ...windowErrors(draft, concert.timeZone),
    ...(draft.paymentMethods.length === 0 ? { paymentMethods: noWayToPay() } : {}),
  };
  const invalid = !check.ok || Object.keys(atOnce).length > 0;
  const errors = { ...atOnce, ...(attempted && !check.ok ? check.errors : {}) };

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (unchanged || !check.ok || invalid) return;
    update.mutate({ concertId: concert.id, changes: check.changes, token }, { onSuccess: onClose });
  }

  const titleId = `edit-title-${concert.id}`;
  return (
    <Dialog labelledBy={titleId} onClose={() => !update.isPending && onClose()}>
      <form className={dialogParts.body} onSubmit={submit} noValidate aria-labelledby={titleId}>
        <h2 id={titleId} className={dialogParts.title}>
          {t('organizer.editTitle', { concert: concert.title })}
        </h2>
        <ConcertFields
          draft={draft}
          errors={errors}
          onChange={(fields) => setDraft((current) => ({ ...current, ...fields }))}
        />
        <SalesWindowFields
          draft={draft}
          timeZone={concert.timeZone}
          errors={errors}
          onChange={(fields) => setDraft((current) => ({ ...current, ...fields }))}
        />
        <PaymentMethodsField
          value={draft.paymentMethods}
          currency={concert.currency}
          error={errors.paymentMethods}
          onChange={(paymentMethods) => setDraft((current) => ({ ...current, paymentMethods }))}
        />
        {attempted && unchanged ? (
          <p className={styles.muted} role="status">
            {t('organizer.nothingChanged')}
          </p>
        ) : null}
        {attempted && !unchanged && invalid ? (
          <p className={styles.error} role="alert">
            {t('organizer.needsLook')}
          </p>
        ) : null}
        {update.isError ? (
          <ProblemNotice title={t('organizer.notSaved')}>{errorMessage(update.error)}</ProblemNotice>
        ) : null}
        <div className={dialogParts.actions}>
          <Button variant="secondary" onClick={onClose} disabled={update.isPending}>
            {t('organizer.cancel')}
          </Button>
          <Button type="submit" disabled={update.isPending}>
            {update.isPending ? t('organizer.saving') : t('organizer.save')}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
