import { isOnlinePayment, type PaymentMethod } from 'hamro-concert.contracts';
import { Button } from '../../../components/ui/button';
import { ProblemNotice } from '../../../components/ui/problem-notice';
import { errorMessage } from '../../../lib/error-message';
import { inOfferOrder, paymentMethodLabel, providerName } from '../../../lib/payment-methods';
import { useStartPayment } from '../../../lib/start-payment';
import type { BookingLookup } from '../lib/lookup';
import styles from './payment.module.css';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../../i18n/i18n';

interface PaymentChoicesProps {
  lookup: BookingLookup;
  /** The ways the booking's concert can be paid for; null while they load. */
  methods: readonly PaymentMethod[] | null;
  testMode: boolean;
  /** The booking changed on the server (switched to the door, or no longer payable): ask for it again. */
  onChanged: () => void;
}

function buttonLabel(method: PaymentMethod): string {
  return isOnlinePayment(method)
    ? i18n.t('payment.payWith', { provider: providerName(method) })
    : paymentMethodLabel(method);
}

/** How to pay (again): one button per way the concert offers; Khalti and eSewa leave for the provider. */
export function PaymentChoices({ lookup, methods, testMode, onChanged }: PaymentChoicesProps) {
  const { t } = useTranslation();
  const start = useStartPayment({
    onSuccess: (started) => {
      if (started.method === 'door') onChanged();
    },
    onError: (error) => {
      if (error.code === 'booking-not-awaiting-payment') onChanged();
    },
  });
  const chosen = start.variables?.method;
  const leaving = isOnlinePayment(chosen) && (start.isPending || start.isSuccess);
  return (
    <section className={styles.choices} aria-labelledby="choices-title">
      <h2 id="choices-title" className={styles.choicesTitle}>
        {t('payment.chooseHow')}
      </h2>
      {methods === null ? <p className={styles.note}>{t('payment.loadingWays')}</p> : null}
      <div className={styles.buttons}>
        {inOfferOrder(methods ?? []).map((method) => (
          <Button
            key={method}
            block
            variant={method === 'door' ? 'secondary' : 'primary'}
            disabled={start.isPending || leaving}
            onClick={() => start.mutate({ ...lookup, method })}
          >
            {buttonLabel(method)}
          </Button>
        ))}
      </div>
      <p role="status" className={styles.leaving}>
        {leaving ? t('checkout.leaving', { provider: providerName(chosen) }) : ''}
        {chosen === 'door' && start.isPending ? t('payment.switchingToDoor') : ''}
      </p>
      {start.isError ? (
        <ProblemNotice title={t('payment.failedTitle')}>{errorMessage(start.error)}</ProblemNotice>
      ) : null}
      {testMode ? <p className={styles.testMode}>{t('common.testMode')}</p> : null}
    </section>
  );
}
