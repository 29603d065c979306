import type { PaymentMethod } from 'hamro-concert.contracts';
import { useId } from 'react';
import { PAYMENT_METHOD_LABELS } from '../../../lib/payment-methods';
import styles from './payment.module.css';

const HINTS: Record<PaymentMethod, string> = {
  khalti: 'We take you to Khalti to pay, then bring you back to your tickets.',
  esewa: 'We take you to eSewa to pay, then bring you back to your tickets.',
  door: 'Your tickets at once; pay in cash when you arrive.',
};

interface PaymentChoiceProps {
  /** The ways this concert can be paid for, in the order to offer them. */
  methods: readonly PaymentMethod[];
  value: PaymentMethod | null;
  onChange: (method: PaymentMethod) => void;
  /** What the buyer pays, formatted: "NPR 10,000.00". */
  total: string;
  /** Payments on this server are tests: said plainly next to the choice. */
  testMode: boolean;
  disabled: boolean;
}

/** How the buyer pays: a radio group of the concert's ways, with the total; a door-only concert just says so. */
export function PaymentChoice({ methods, value, onChange, total, testMode, disabled }: PaymentChoiceProps) {
  const id = useId();
  if (methods.length === 1 && methods[0] === 'door') {
    return <p className={styles.doorOnly}>You pay {total} in cash at the door.</p>;
  }
  if (methods.length === 0) {
    return (
      <p className={styles.doorOnly} role="alert">
        This concert cannot be paid for right now. Please try again later.
      </p>
    );
  }
  return (
    <fieldset className={styles.choice}>
      <legend className={styles.legend}>How would you like to pay?</legend>
      <p className={styles.total}>
        Total <strong>{total}</strong>
      </p>
      {methods.map((method) => (
        <div key={method} className={styles.option}>
          <input
            type="radio"
            id={`${id}-${method}`}
            name={`${id}-payment`}
            value={method}
            checked={value === method}
            disabled={disabled}
            aria-describedby={`${id}-${method}-hint`}
            onChange={() => onChange(method)}
          />
          <label htmlFor={`${id}-${method}`} className={styles.optionName}>
            {PAYMENT_METHOD_LABELS[method]}
          </label>
          <p id={`${id}-${method}-hint`} className={styles.optionHint}>
            {HINTS[method]}
          </p>
        </div>
      ))}
      {testMode ? <p className={styles.testMode}>Test mode: no real money moves.</p> : null}
    </fieldset>
  );
}
