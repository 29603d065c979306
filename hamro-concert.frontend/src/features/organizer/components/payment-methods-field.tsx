import { isOnlinePayment, ONLINE_PAYMENT_CURRENCY, PAYMENT_METHODS, type PaymentMethod } from 'hamro-concert.contracts';
import { useId } from 'react';
import { usePaymentOptions } from '../../../lib/payment-options';
import { inOfferOrder, paymentMethodLabel } from '../../../lib/payment-methods';
import styles from './organizer.module.css';
import { useTranslation } from 'react-i18next';

interface PaymentMethodsFieldProps {
  value: readonly PaymentMethod[];
  /** ISO 4217 code of the concert's prices: Khalti and eSewa take NPR only. */
  currency: string;
  error?: string | undefined;
  onChange: (methods: PaymentMethod[]) => void;
}

/**
 * Ways to pay, at least one: Khalti, eSewa (both only for NPR) and the door. A way this server has
 * not set up can still be chosen; buyers see it once the server takes it.
 */
export function PaymentMethodsField({ value, currency, error, onChange }: PaymentMethodsFieldProps) {
  const { t } = useTranslation();
  const id = useId();
  const server = usePaymentOptions();
  const inNpr = currency === ONLINE_PAYMENT_CURRENCY;

  function note(method: PaymentMethod): string | null {
    if (isOnlinePayment(method) && !inNpr) return t('organizer.nprOnly', { currency });
    if (server.data && !server.data.methods.includes(method)) return t('organizer.notSetUp');
    return null;
  }

  return (
    <fieldset className={styles.fieldset} aria-describedby={error ? `${id}-error` : undefined}>
      <legend className={styles.legend}>{t('organizer.waysToPay')}</legend>
      <p className={styles.muted}>{t('organizer.waysHint')}</p>
      <div className={styles.methods}>
        {inOfferOrder(PAYMENT_METHODS).map((method) => {
          const offLimits = isOnlinePayment(method) && !inNpr;
          const why = note(method);
          return (
            <div key={method} className={styles.method}>
              <label className={styles.toggle}>
                <input
                  type="checkbox"
                  checked={value.includes(method) && !offLimits}
                  disabled={offLimits}
                  aria-describedby={why ? `${id}-${method}` : undefined}
                  onChange={(event) =>
                    onChange(
                      inOfferOrder(event.target.checked ? [...value, method] : value.filter((m) => m !== method)),
                    )
                  }
                />
                <span>{paymentMethodLabel(method)}</span>
              </label>
              {why ? (
                <p id={`${id}-${method}`} className={styles.muted}>
                  {why}
                </p>
              ) : null}
            </div>
          );
        })}
      </div>
      {error ? (
        <p id={`${id}-error`} className={styles.fieldError}>
          {error}
        </p>
      ) : null}
    </fieldset>
  );
}
