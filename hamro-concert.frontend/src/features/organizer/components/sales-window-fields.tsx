import { TextField } from '../../../components/ui/text-field';
import type { WindowDraft } from '../lib/sales-window-draft';
import type { DraftErrors } from '../lib/venue-draft';
import styles from './organizer.module.css';
import { useTranslation } from 'react-i18next';

interface SalesWindowFieldsProps {
  draft: WindowDraft;
  /** The venue's IANA time zone: the times are its clock. */
  timeZone: string;
  errors: DraftErrors;
  onChange: (changes: Partial<WindowDraft>) => void;
  /** Names the group; a tier's window says which tier. */
  legend?: string;
  /** What an empty bound means; a tier's empty bound follows the concert's window. */
  emptyMeans?: string;
}

/** When sales open and close, typed on the venue's clock; either may stay empty. */
export function SalesWindowFields({ draft, timeZone, errors, onChange, legend, emptyMeans }: SalesWindowFieldsProps) {
  const { t } = useTranslation();
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{legend ?? t('organizer.sales')}</legend>
      <p className={styles.muted}>
        {t('organizer.venueClock', {
          zone: timeZone.replaceAll('_', ' '),
          empty: emptyMeans ?? t('organizer.salesEmpty'),
        })}
      </p>
      <div className={styles.grid}>
        <TextField
          label={t('organizer.salesOpen')}
          type="datetime-local"
          value={draft.salesOpenAt}
          error={errors.salesOpenAt}
          onChange={(event) => onChange({ salesOpenAt: event.target.value })}
        />
        <TextField
          label={t('organizer.salesClose')}
          type="datetime-local"
          value={draft.salesCloseAt}
          error={errors.salesCloseAt}
          onChange={(event) => onChange({ salesCloseAt: event.target.value })}
        />
      </div>
    </fieldset>
  );
}
