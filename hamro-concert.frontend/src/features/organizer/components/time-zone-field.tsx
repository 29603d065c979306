import { SelectField } from '../../../components/ui/select-field';
import { TIME_ZONES } from '../lib/venue-draft';
import { useTranslation } from 'react-i18next';

const OPTIONS = TIME_ZONES.map((zone) => ({ value: zone, label: zone.replaceAll('_', ' ') }));

/** The venue's time zone, Nepal's first: the concert's date, start and sales times are its clock. */
export function TimeZoneField({ value, onChange }: { value: string; onChange: (timeZone: string) => void }) {
  const { t } = useTranslation();
  return (
    <SelectField
      label={t('organizer.timeZone')}
      value={value}
      options={OPTIONS}
      onChange={(event) => onChange(event.target.value)}
    />
  );
}
