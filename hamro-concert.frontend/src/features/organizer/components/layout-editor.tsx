import type { ReactNode } from 'react';
import { totalSeats, type ConcertDraft, type DraftErrors, type SectionDraft } from '../lib/venue-draft';
import styles from './organizer.module.css';
import { SectionEditor } from './section-editor';
import { Trans, useTranslation } from 'react-i18next';

interface LayoutEditorProps {
  draft: ConcertDraft;
  errors: DraftErrors;
  onSectionChange: (section: SectionDraft) => void;
  /** The seat map preview, drawn by whoever composes this editor. */
  preview: ReactNode;
}

/** The venue layout: the three sections side by side with a live preview and the total. */
export function LayoutEditor({ draft, errors, onSectionChange, preview }: LayoutEditorProps) {
  const { t } = useTranslation();
  const total = totalSeats(draft);
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{t('organizer.layout')}</legend>
      <div className={styles.layout}>
        <div className={styles.sections}>
          {draft.sections.map((section) => (
            <SectionEditor key={section.section} section={section} errors={errors} onChange={onSectionChange} />
          ))}
        </div>
        <div className={styles.preview}>
          <p className={styles.total} role="status" aria-live="polite">
            <Trans
              i18nKey="organizer.totalSeats"
              count={total}
              components={{ total: <strong data-testid="total-seats" /> }}
            />
          </p>
          {errors.layout ? (
            <p className={styles.error} role="alert">
              {errors.layout}
            </p>
          ) : null}
          {preview}
        </div>
      </div>
    </fieldset>
  );
}
