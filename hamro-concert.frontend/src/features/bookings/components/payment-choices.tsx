import { isOnlinePayment, type PaymentMethod } from 'hamro-concert.contracts';
import { Button } from '../../../components/ui/button';
import { ProblemNotice } from '../../../components/ui/problem-notice';
import { errorMessage } from '../../../lib/error-message';
import { inOfferOrder, providerName } from '../../../lib/payment-methods';
import { useStartPayment } from '../../../lib/start-payment';
import type { BookingLookup } from '../lib/lookup';
import styles from './payment.module.css';

interface PaymentChoicesProps {
  lookup: BookingLookup;
  /** The ways the booking's concert can be paid for; null while they load. */
  methods: readonly PaymentMethod[] | null;
  testMode: boolean;
  /** The booking changed on the server (switched to the door, or no longer payable): ask for it again. */
  onChanged: () => void;
}

function buttonLabel(method: PaymentMethod): string {
  return isOnlinePayment(method) ? `Pay with ${providerName(method)}` : 'Pay at the door (cash)';
}

/** How to pay (again): one button per way the concert offers; Khalti and eSewa leave for the provider. */
export function PaymentChoices({ lookup, methods, testMode, onChanged }: PaymentChoicesProps) {
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
        Choose how to pay
      </h2>
      {methods === null ? <p className={styles.note}>Loading the ways to pay…</p> : null}
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
        {leaving ? `Taking you to ${providerName(chosen)}…` : ''}
        {chosen === 'door' && start.isPending ? 'Switching your booking to pay at the door…' : ''}
      </p>
      {start.isError ? (
        <ProblemNotice title="That did not go through">{errorMessage(start.error)}</ProblemNotice>
      ) : null}
      {testMode ? <p className={styles.testMode}>Test mode: no real money moves.</p> : null}
    </section>
  );
}
