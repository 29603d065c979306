import type { ReactNode } from 'react';
import { TextField } from '../../../components/ui/text-field';
import type { DetailsDraft, DraftErrors } from '../lib/venue-draft';
import styles from './organizer.module.css';

type DetailField = 'title' | 'artist' | 'date' | 'time' | 'venue' | 'city';

const FIELDS: { field: DetailField; label: string; type: string }[] = [
  { field: 'title', label: 'Title', type: 'text' },
  { field: 'artist', label: 'Artist', type: 'text' },
  { field: 'date', label: 'Date', type: 'date' },
  { field: 'time', label: 'Start time', type: 'time' },
  { field: 'venue', label: 'Venue', type: 'text' },
  { field: 'city', label: 'City', type: 'text' },
];

interface ConcertFieldsProps {
  draft: DetailsDraft;
  errors: DraftErrors;
  onChange: (changes: Partial<DetailsDraft>) => void;
  /** More fields laid out with the details, after the city (the create form's time zone). */
  children?: ReactNode;
}

/** The concert's details: what, who, when and where; the image address too when the draft has one. */
export function ConcertFields({ draft, errors, onChange, children }: ConcertFieldsProps) {
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>Details</legend>
      <div className={styles.grid}>
        {FIELDS.map(({ field, label, type }) => (
          <TextField
            key={field}
            label={label}
            type={type}
            value={draft[field]}
            error={errors[field]}
            onChange={(event) => onChange({ [field]: event.target.value })}
          />
        ))}
        {children}
      </div>
      {draft.image === undefined ? null : (
        <TextField
          label="Image address (optional)"
          type="text"
          value={draft.image}
          maxLength={2000}
          error={errors.image}
          onChange={(event) => onChange({ image: event.target.value })}
        />
      )}
      <label className={styles.textareaLabel}>
        <span>Description (optional)</span>
        <textarea
          rows={3}
          value={draft.description}
          maxLength={5000}
          onChange={(event) => onChange({ description: event.target.value })}
        />
      </label>
    </fieldset>
  );
}
