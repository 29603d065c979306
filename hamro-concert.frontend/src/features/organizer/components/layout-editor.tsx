import type { ReactNode } from 'react';
import { totalSeats, type ConcertDraft, type DraftErrors, type SectionDraft } from '../lib/venue-draft';
import styles from './organizer.module.css';
import { SectionEditor } from './section-editor';

interface LayoutEditorProps {
  draft: ConcertDraft;
  errors: DraftErrors;
  onSectionChange: (section: SectionDraft) => void;
  /** The seat map preview, drawn by whoever composes this editor. */
  preview: ReactNode;
}

/** The venue layout: the three sections side by side with a live preview and the total. */
export function LayoutEditor({ draft, errors, onSectionChange, preview }: LayoutEditorProps) {
  const total = totalSeats(draft);
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>Venue layout</legend>
      <div className={styles.layout}>
        <div className={styles.sections}>
          {draft.sections.map((section) => (
            <SectionEditor key={section.section} section={section} errors={errors} onChange={onSectionChange} />
          ))}
        </div>
        <div className={styles.preview}>
          <p className={styles.total} role="status" aria-live="polite">
            Total: <strong data-testid="total-seats">{total.toLocaleString('en-US')}</strong>{' '}
            {total === 1 ? 'seat' : 'seats'}
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
