import type { Concert } from 'hamro-concert.contracts';
import { useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/ui/button';
import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { DEFAULT_CURRENCY } from '../../../lib/format';
import { useCreateConcert } from '../api/create-concert';
import {
  draftErrors,
  emptyDraft,
  previewSections,
  toNewConcert,
  type ConcertDraft,
  type PreviewSection,
} from '../lib/venue-draft';
import { ConcertFields } from './concert-fields';
import { LayoutEditor } from './layout-editor';
import styles from './organizer.module.css';
import { PaymentMethodsField } from './payment-methods-field';
import { SalesWindowFields } from './sales-window-fields';
import { TimeZoneField } from './time-zone-field';
import { useTranslation } from 'react-i18next';

interface CreateConcertFormProps {
  token: string;
  onAccessRefused: (error: unknown) => boolean;
  renderPreview: (sections: PreviewSection[]) => ReactNode;
  concertHref: (concertId: string) => string;
  onCreated: (concert: Concert) => void;
}

const DETAIL_FIELDS = new Set(['title', 'artist', 'date', 'time', 'venue', 'city']);

/** A new concert with its venue layout; the details' errors show once the organizer tries to create it. */
export function CreateConcertForm({
  token,
  onAccessRefused,
  renderPreview,
  concertHref,
  onCreated,
}: CreateConcertFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<ConcertDraft>(emptyDraft);
  const [attempted, setAttempted] = useState(false);
  const create = useCreateConcert({
    onSuccess: onCreated,
    onError: (error) => void onAccessRefused(error),
  });
  const all = draftErrors(draft);
  const errors = attempted
    ? all
    : Object.fromEntries(Object.entries(all).filter(([field]) => !DETAIL_FIELDS.has(field)));

  function submit(event: FormEvent) {
    event.preventDefault();
    setAttempted(true);
    if (Object.keys(all).length > 0) return;
    create.mutate({ concert: toNewConcert(draft), token });
  }

  function startAgain() {
    create.reset();
    setAttempted(false);
    setDraft(emptyDraft());
  }

  if (create.isSuccess) {
    return (
      <div className={styles.created} role="status">
        <p className={styles.createdTitle}>
          <span aria-hidden="true">✓</span> {t('organizer.onSale', { concert: create.data.title })}
        </p>
        <p>
          <Link to={concertHref(create.data.id)}>{t('organizer.openPublic', { concert: create.data.title })}</Link>
        </p>
        <Button variant="secondary" onClick={startAgain}>
          {t('organizer.createAnother')}
        </Button>
      </div>
    );
  }

  const issues =
    create.error instanceof ApiError
      ? (create.error.problem.errors ?? []).map((issue) => `${issue.path}: ${issue.message}`)
      : [];
  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-labelledby="create-concert-title">
      <h2 id="create-concert-title" className={styles.heading}>
        {t('organizer.createTitle')}
      </h2>
      <ConcertFields
        draft={draft}
        errors={errors}
        onChange={(changes) => setDraft((current) => ({ ...current, ...changes }))}
      >
        <TimeZoneField
          value={draft.timeZone}
          onChange={(timeZone) => setDraft((current) => ({ ...current, timeZone }))}
        />
      </ConcertFields>
      <SalesWindowFields
        draft={draft}
        timeZone={draft.timeZone}
        errors={errors}
        onChange={(changes) => setDraft((current) => ({ ...current, ...changes }))}
      />
      {/* A new concert is priced in the server's currency, NPR unless it is set up otherwise. */}
      <PaymentMethodsField
        value={draft.paymentMethods}
        currency={DEFAULT_CURRENCY}
        error={errors.paymentMethods}
        onChange={(paymentMethods) => setDraft((current) => ({ ...current, paymentMethods }))}
      />
      <LayoutEditor
        draft={draft}
        errors={errors}
        onSectionChange={(section) =>
          setDraft((current) => ({
            ...current,
            sections: current.sections.map((s) => (s.section === section.section ? section : s)),
          }))
        }
        preview={renderPreview(previewSections(draft))}
      />
      {attempted && Object.keys(all).length > 0 ? (
        <p className={styles.error} role="alert">
          {t('organizer.needsLook')}
        </p>
      ) : null}
      {create.isError ? (
        <div className={styles.error} role="alert">
          <p>{t('organizer.notCreated', { why: errorMessage(create.error) })}</p>
          {issues.length > 0 ? (
            <ul>
              {issues.map((issue) => (
                <li key={issue}>{issue}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
      <Button type="submit" disabled={create.isPending}>
        {create.isPending ? t('organizer.creating') : t('organizer.create')}
      </Button>
    </form>
  );
}
