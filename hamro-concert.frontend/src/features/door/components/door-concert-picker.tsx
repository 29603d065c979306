import styles from './door.module.css';
import { useTranslation } from 'react-i18next';

export interface DoorConcert {
  id: string;
  /** "Himalayan Echoes · Sat, 14 Mar 2026 · 7:00 PM" */
  label: string;
}

interface DoorConcertPickerProps {
  concerts: DoorConcert[];
  value: string | null;
  onChange: (concertId: string) => void;
}

/** Which concert this door admits: tickets of any other concert are refused here. */
export function DoorConcertPicker({ concerts, value, onChange }: DoorConcertPickerProps) {
  const { t } = useTranslation();
  return (
    <div className={styles.picker}>
      <label className={styles.label} htmlFor="door-concert">
        {t('door.concertAtDoor')}
      </label>
      <select
        id="door-concert"
        className={styles.select}
        value={value ?? ''}
        onChange={(event) => onChange(event.target.value)}
      >
        <option value="" disabled>
          {t('door.chooseConcert')}
        </option>
        {concerts.map((concert) => (
          <option key={concert.id} value={concert.id}>
            {concert.label}
          </option>
        ))}
      </select>
    </div>
  );
}
