import { useId } from 'react';
import { TIME_ZONES } from '../lib/venue-draft';
import styles from './organizer.module.css';

/** The venue's time zone, Nepal's first: the concert's date, start and sales times are its clock. */
export function TimeZoneField({ value, onChange }: { value: string; onChange: (timeZone: string) => void }) {
  const id = useId();
  return (
    <div className={styles.textareaLabel}>
      {/* Not wrapped in its label: the label's name would take in every option's text. */}
      <label htmlFor={id}>Time zone</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        {TIME_ZONES.map((zone) => (
          <option key={zone} value={zone}>
            {zone.replaceAll('_', ' ')}
          </option>
        ))}
      </select>
    </div>
  );
}
