import type { TierSummary } from 'hamro-concert.contracts';
import { tierWindowText } from '../lib/tier-window';
import styles from './organizer.module.css';
import { useTranslation } from 'react-i18next';

interface TierWindowsProps {
  title: string;
  timeZone: string;
  tiers: readonly TierSummary[];
}

/** When each tier sells: its own window on the venue's clock, or with the concert's. */
export function TierWindows({ title, timeZone, tiers }: TierWindowsProps) {
  const { t } = useTranslation();
  if (tiers.length === 0) return null;
  return (
    <ul className={styles.tierWindows} aria-label={t('organizer.tierWindowsLabel', { concert: title })}>
      {tiers.map((tier) => (
        <li key={tier.id}>
          <strong>{tier.name}</strong>: {tierWindowText(tier, timeZone)}
        </li>
      ))}
    </ul>
  );
}
