import { MAX_SEATS_PER_BOOKING } from 'hamro-concert.contracts';
import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { formatMoney } from '../../../lib/format';
import styles from './best-available.module.css';

export interface BestAvailableTier {
  id: number;
  name: string;
  price: string;
  available: number;
}

interface BestAvailableProps {
  tiers: readonly BestAvailableTier[];
  /** ISO 4217 code of the tiers' prices. */
  currency: string;
  placing: boolean;
  /** Sales are not open (or have closed): the form shows, but finds nothing. */
  disabled?: boolean;
  onFind: (ticketTierId: number, quantity: number) => void;
}

const QUANTITIES = Array.from({ length: MAX_SEATS_PER_BOOKING }, (_, index) => index + 1);

/** Instead of clicking seats: a section and a number of tickets, and the system picks the best seats. */
export function BestAvailable({ tiers, currency, placing, disabled = false, onFind }: BestAvailableProps) {
  const id = useId();
  const onSale = tiers.filter((tier) => tier.available > 0);
  const [tierId, setTierId] = useState<number | null>(null);
  const [quantity, setQuantity] = useState(2);
  const chosen = onSale.find((tier) => tier.id === tierId) ?? onSale[0];

  if (!chosen) return null;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (chosen && !disabled) onFind(chosen.id, quantity);
  }

  return (
    <form className={styles.box} onSubmit={submit} aria-labelledby={`${id}-title`}>
      <h3 id={`${id}-title`} className={styles.title}>
        Or let us pick the best seats
      </h3>
      <div className={styles.fields}>
        <label className={styles.field}>
          <span>Section</span>
          <select value={chosen.id} onChange={(event) => setTierId(Number(event.target.value))}>
            {onSale.map((tier) => (
              <option key={tier.id} value={tier.id}>
                {tier.name} · {formatMoney(tier.price, currency)}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.field}>
          <span>Tickets</span>
          <select value={quantity} onChange={(event) => setQuantity(Number(event.target.value))}>
            {QUANTITIES.map((n) => (
              <option key={n} value={n}>
                {n}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Button type="submit" variant="secondary" block disabled={placing || disabled}>
        {placing ? 'Finding seats…' : 'Find best available'}
      </Button>
      <p className={styles.hint}>
        Seats together in a row, as near the stage as we can, held for you for a few minutes.
      </p>
    </form>
  );
}
