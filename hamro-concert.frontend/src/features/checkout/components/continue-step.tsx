import { Button } from '../../../components/ui/button';
import { seatsAndTotal } from '../../../lib/format';
import type { CheckoutSeat } from '../lib/checkout-seat';
import styles from './hold.module.css';

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
  if (seats.length === 0) return 'Choose seats to continue';
  const what = seatsAndTotal(seats);
  return placing ? `Holding ${what}…` : `Continue with ${what}`;
}

/** Before the details form: holds the chosen seats so nobody else can take them meanwhile. */
export function ContinueStep({ seats, placing, paused, autoFocus, onContinue }: ContinueStepProps) {
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
      <p className={styles.hint}>{paused ?? 'We hold your seats for a few minutes while you enter your details.'}</p>
    </div>
  );
}
