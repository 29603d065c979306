import { Button } from '../../../components/ui/button';
import { seatsAndTotal } from '../../../lib/format';
import type { CheckoutSeat } from '../lib/checkout-seat';
import styles from './hold.module.css';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../../i18n/i18n';

interface ContinueStepProps {
  seats: readonly CheckoutSeat[];
  placing: boolean;
  /** Why seats cannot be held now (sales not open, or closed); null when they can. */
  paused: string | null;
  /** Back from a hold (Change seats, or it ran out): focus returns here. */
  autoFocus: boolean;
  onContinue: () => void;
}

function label(seats: readonly CheckoutSeat[], placing: boolean): string {
  if (seats.length === 0) return i18n.t('checkout.chooseToContinue');
  const what = seatsAndTotal(seats);
  return placing ? i18n.t('checkout.holding', { what }) : i18n.t('checkout.continueWith', { what });
}

/** Before the details form: holds the chosen seats so nobody else can take them meanwhile. */
export function ContinueStep({ seats, placing, paused, autoFocus, onContinue }: ContinueStepProps) {
  const { t } = useTranslation();
  return (
    <div className={styles.step}>
      <Button
        block
        disabled={placing || seats.length === 0 || paused !== null}
        onClick={onContinue}
        autoFocus={autoFocus}
      >
        {label(seats, placing)}
      </Button>
      <p className={styles.hint}>{paused ?? t('checkout.holdHint')}</p>
    </div>
  );
}
