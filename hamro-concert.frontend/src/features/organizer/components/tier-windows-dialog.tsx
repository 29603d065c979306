import type { TierSummary } from 'hamro-concert.contracts';
import { Button } from '../../../components/ui/button';
import { Dialog, dialogParts } from '../../../components/ui/dialog';
import styles from './organizer.module.css';
import { TierWindowForm } from './tier-window-form';
import { useTranslation } from 'react-i18next';

interface TierWindowsDialogProps {
  concert: { id: string; title: string; timeZone: string; tiers: readonly TierSummary[] };
  token: string;
  onAccessRefused: (error: unknown) => boolean;
  onChanged: (concertId: string) => Promise<unknown>;
  onClose: () => void;
}

/** Each tier of a concert with its own sales window, each saved on its own. */
export function TierWindowsDialog({ concert, token, onAccessRefused, onChanged, onClose }: TierWindowsDialogProps) {
  const { t } = useTranslation();
  const titleId = `tier-windows-title-${concert.id}`;
  return (
    <Dialog labelledBy={titleId} onClose={onClose}>
      <div className={dialogParts.body}>
        <h2 id={titleId} className={dialogParts.title}>
          {t('organizer.tierWindowsTitle', { concert: concert.title })}
        </h2>
        <p className={styles.muted}>{t('organizer.tierWindowsHint')}</p>
        {concert.tiers.length === 0 ? <p className={styles.muted}>{t('organizer.noTiers')}</p> : null}
        {concert.tiers.map((tier) => (
          <TierWindowForm
            key={tier.id}
            tier={tier}
            timeZone={concert.timeZone}
            token={token}
            onAccessRefused={onAccessRefused}
            onChanged={onChanged}
          />
        ))}
        <div className={dialogParts.actions}>
          <Button variant="secondary" onClick={onClose}>
            {t('organizer.close')}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
