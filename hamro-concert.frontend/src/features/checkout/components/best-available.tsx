import { MAX_SEATS_PER_BOOKING } from 'hamro-concert.contracts';
import { useId, useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { formatDigits, formatMoney } from '../../../lib/format';
import styles from './best-available.module.css';
import { useTranslation } from 'react-i18next';

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
  const { t } = useTranslation();
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
        {t('checkout.bestTitle')}
      </h3>
      <div className={styles.fields}>
        <label className={styles.field}>
          <span>{t('checkout.bestSection')}</span>
          <select value={chosen.id} onChange={(event) => setTierId(Number(event.target.value))}>
            {onSale.map((tier) => (
              <option key={tier.id} value={tier.id}>
                {tier.name} · {formatMoney(tier.price, currency)}
              </option>
            ))}
          </select>
        </label>
        <label className={styles.field}>
          <span>{t('checkout.bestTickets')}</span>
          <select value={quantity} onChange={(event) => setQuantity(Number(event.target.value))}>
            {QUANTITIES.map((n) => (
              <option key={n} value={n}>
                {formatDigits(n)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <Button type="submit" variant="secondary" block disabled={placing || disabled}>
        {placing ? t('checkout.bestFinding') : t('checkout.bestFind')}
      </Button>
      <p className={styles.hint}>{t('checkout.bestHint')}</p>
    </form>
  );
}
