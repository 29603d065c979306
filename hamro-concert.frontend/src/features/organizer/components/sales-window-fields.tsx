import { TextField } from '../../../components/ui/text-field';
import type { WindowDraft } from '../lib/sales-window-draft';
import type { DraftErrors } from '../lib/venue-draft';
import styles from './organizer.module.css';

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

const CONCERT_EMPTY = 'Without an opening, tickets sell at once; without a close, until the concert starts.';

/** When sales open and close, typed on the venue's clock; either may stay empty. */
export function SalesWindowFields({
  draft,
  timeZone,
  errors,
  onChange,
  legend = 'Sales',
  emptyMeans = CONCERT_EMPTY,
}: SalesWindowFieldsProps) {
  return (
    <fieldset className={styles.fieldset}>
      <legend className={styles.legend}>{legend}</legend>
      <p className={styles.muted}>
        On the venue&apos;s clock ({timeZone.replaceAll('_', ' ')}). {emptyMeans}
      </p>
      <div className={styles.grid}>
        <TextField
          label="Sales open (optional)"
          type="datetime-local"
          value={draft.salesOpenAt}
          error={errors.salesOpenAt}
          onChange={(event) => onChange({ salesOpenAt: event.target.value })}
        />
        <TextField
          label="Sales close (optional)"
          type="datetime-local"
          value={draft.salesCloseAt}
          error={errors.salesCloseAt}
          onChange={(event) => onChange({ salesCloseAt: event.target.value })}
        />
      </div>
    </fieldset>
  );
}
