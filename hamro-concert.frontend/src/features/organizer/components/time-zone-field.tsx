import { SelectField } from '../../../components/ui/select-field';
import { TIME_ZONES } from '../lib/venue-draft';

const OPTIONS = TIME_ZONES.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }));

/** The venue's time zone, Nepal's first: the concert's date, start and sales times are its clock. */
export function TimeZoneField({ value, onChange }: { value: string; onChange: (timeZone: string) => void }) {
  return (
    <SelectField label="Time zone" value={value} options={OPTIONS} onChange={(event) => onChange(event.target.value)} />
  );
}
