import type { PaymentMethod } from 'hamro-concert.contracts';
import { useId } from 'react';
import { paymentMethodLabel } from '../../../lib/payment-methods';
import styles from './payment.module.css';
import { Trans, useTranslation } from 'react-i18next';

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
  const { t } = useTranslation();
  const id = useId();
  if (methods.length === 1 && methods[0] === 'door') {
    return <p className={styles.doorOnly}>{t('checkout.doorOnly', { total })}</p>;
  }
  if (methods.length === 0) {
    return (
      <p className={styles.doorOnly} role="alert">
        {t('checkout.noWayToPay')}
      </p>
    );
  }
  return (
    <fieldset className={styles.choice}>
      <legend className={styles.legend}>{t('checkout.howToPay')}</legend>
      <p className={styles.total}>
        <Trans i18nKey="checkout.totalIs" values={{ total }} components={{ strong: <strong /> }} />
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
            {paymentMethodLabel(method)}
          </label>
          <p id={`${id}-${method}-hint`} className={styles.optionHint}>
            {t(`checkout.methodHints.${method}`)}
          </p>
        </div>
      ))}
      {testMode ? <p className={styles.testMode}>{t('common.testMode')}</p> : null}
    </fieldset>
  );
}
