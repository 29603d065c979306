import type { ReactNode } from 'react';
import { TextField } from '../../../components/ui/text-field';
import type { DetailsDraft, DraftErrors } from '../lib/venue-draft';
import styles from './organizer.module.css';
import { useTranslation } from 'react-i18next';

type DetailField = 'title' | 'artist' | 'date' | 'time' | 'venue' | 'city';

const FIELDS: { field: DetailField; type: string }[] = [
  { field: 'title', type: 'text' },
  { field: 'artist', type: 'text' },
  { field: 'date', type: 'date' },
  { field: 'time', type: 'time' },
  { field: 'venue', type: 'text' },
  { field: 'city', type: 'text' },
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
  const { t } = useTranslation();
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{t('organizer.details')}</legend>
      <div className={styles.grid}>
        {FIELDS.map(({ field, type }) => (
          <TextField
            key={field}
            label={t(`organizer.fields.${field}`)}
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
          label={t('organizer.image')}
          type="text"
          value={draft.image}
          maxLength={2000}
          error={errors.image}
          onChange={(event) => onChange({ image: event.target.value })}
        />
      )}
      <label className={styles.textareaLabel}>
        <span>{t('organizer.description')}</span>
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
