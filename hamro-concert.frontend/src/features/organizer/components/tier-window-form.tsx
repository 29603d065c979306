import type { TierSummary } from 'hamro-concert.contracts';
import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { ProblemNotice } from '../../../components/ui/problem-notice';
import { useUpdateTier } from '../api/update-tier';
import { tierWindowProblem } from '../lib/concert-problem';
import { NO_WINDOW, windowDraft, windowErrors, windowInstants } from '../lib/sales-window-draft';
import { hasOwnWindow, tierWindowText } from '../lib/tier-window';
import styles from './organizer.module.css';
import { SalesWindowFields } from './sales-window-fields';
import { useTranslation } from 'react-i18next';

interface TierWindowFormProps {
  tier: TierSummary;
  /** The venue's IANA time zone: the times are its clock. */
  timeZone: string;
  token: string;
  onAccessRefused: (error: unknown) => boolean;
  /** Refreshes what shows the concert; the form stays busy until it has. */
  onChanged: (concertId: string) => Promise<unknown>;
}

/**
 * One tier's own sales window (a presale, say) on the venue's clock, or none: it then sells with
 * the concert's window. A window that closes before it opens shows at once and is not sent.
 */
export function TierWindowForm({ tier, timeZone, token, onAccessRefused, onChanged }: TierWindowFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(() => windowDraft(tier, timeZone));
  const [saved, setSaved] = useState<string | null>(null);
  const update = useUpdateTier({
    onSuccess: (changed) => onChanged(changed.concertId),
    onError: (error) => void onAccessRefused(error),
  });
  const errors = windowErrors(draft, timeZone);
  const invalid = Object.keys(errors).length > 0;

  function save(window: typeof draft, message: string) {
    setSaved(null);
    update.mutate(
      { changes: { id: tier.id, ...windowInstants(window, timeZone) }, token },
      {
        onSuccess: (changed) => {
          setDraft(windowDraft(changed, timeZone));
          setSaved(message);
        },
      },
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (!invalid) save(draft, t('organizer.tierSaved', { tier: tier.name }));
  }

  const headingId = `tier-window-${String(tier.id)}`;
  return (
    <form className={styles.tierWindow} onSubmit={submit} noValidate aria-labelledby={headingId}>
      <h3 id={headingId} className={styles.concertTitle}>
        {tier.name}
      </h3>
      <p className={styles.muted}>{tierWindowText(tier, timeZone)}</p>
      <SalesWindowFields
        legend={t('organizer.tierLegend', { tier: tier.name })}
        emptyMeans={t('organizer.tierEmpty')}
        draft={draft}
        timeZone={timeZone}
        errors={errors}
        onChange={(fields) => setDraft((current) => ({ ...current, ...fields }))}
      />
      {update.isError ? (
        <ProblemNotice title={t('organizer.tierNotSaved', { tier: tier.name })}>
          {tierWindowProblem(update.error)}
        </ProblemNotice>
      ) : null}
      <p role="status" className={styles.muted}>
        {saved}
      </p>
      <div className={styles.actions}>
        <Button
          type="submit"
          disabled={update.isPending || invalid}
          aria-label={t('organizer.saveTierLabel', { tier: tier.name })}
        >
          {update.isPending ? t('organizer.saving') : t('organizer.saveWindow')}
        </Button>
        {hasOwnWindow(tier) ? (
          <Button
            variant="secondary"
            disabled={update.isPending}
            onClick={() => save(NO_WINDOW, t('organizer.tierWithConcert', { tier: tier.name }))}
          >
            {t('organizer.sellWithConcert')}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
