import type { RefundDue } from 'hamro-concert.contracts';
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { errorMessage } from '../../../lib/error-message';
import { formatMoney } from '../../../lib/format';
import { providerName } from '../../../lib/payment-methods';
import { isAccessRefused } from '../../../lib/session-token';
import { useRefundsDue } from '../api/get-refunds-due';
import styles from './organizer.module.css';
import { RefundDialog } from './refund-dialog';

interface RefundsDueProps {
  concertId: string;
  title: string;
  currency: string;
  token: string;
  onAccessRefused: (error: unknown) => boolean;
}

const REASONS: Record<string, string> = {
  cancelled: 'Cancelled after paying',
  late: 'Paid after the time to pay ran out',
  'paid-twice': 'Paid twice',
  mismatch: 'Confirmed for another amount than asked',
};
const since = new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' });

/** The money owed back to buyers of one concert: Khalti's go back by themselves, eSewa's are marked by hand. */
export function RefundsDue({ concertId, title, currency, token, onAccessRefused }: RefundsDueProps) {
  const refunds = useRefundsDue(concertId, token);
  const [confirming, setConfirming] = useState<RefundDue | null>(null);
  const [recorded, setRecorded] = useState('');
  const headingId = `refunds-${concertId}`;
  // A refused token is shown (and handed to the gate) by the sales report beside this list.
  if (isAccessRefused(refunds.error)) return null;
  const amount = (refund: RefundDue) => formatMoney(refund.amount, currency);
  return (
    <section className={styles.refunds} aria-labelledby={headingId}>
      <h4 id={headingId} className={styles.subheading} tabIndex={-1}>
        Refunds due <span className="visually-hidden">for {title}</span>
      </h4>
      <div role="status">{recorded ? <p className={styles.done}>{recorded}</p> : null}</div>
      {refunds.isPending ? <p className={styles.muted}>Loading the refunds due…</p> : null}
      {refunds.isError ? (
        <div className={styles.error} role="alert">
          <p>
            We couldn't load the refunds of {title}. {errorMessage(refunds.error)}
          </p>
          <Button variant="secondary" onClick={() => void refunds.refetch()}>
            Try again
          </Button>
        </div>
      ) : null}
      {refunds.data?.length === 0 ? <p className={styles.muted}>No refunds are due.</p> : null}
      {refunds.data?.length ? (
        <ul className={styles.refundList}>
          {refunds.data.map((refund) => (
            <li key={refund.paymentId} className={styles.refund}>
              <div className={styles.refundFacts}>
                <span className={styles.refundAmount}>
                  {amount(refund)} to {refund.userName} · {providerName(refund.method)}
                </span>
                <span className={styles.muted}>
                  {refund.userEmail} · booking {refund.bookingReference}
                  {refund.transactionId ? ` · transaction ${refund.transactionId}` : ''}
                </span>
                <span className={styles.muted}>
                  {REASONS[refund.reason] ?? 'Owed back'} · since {since.format(new Date(refund.since))}
                </span>
              </div>
              {refund.method === 'khalti' ? (
                <p className={styles.muted}>Refunding through Khalti</p>
              ) : (
                <Button
                  variant="secondary"
                  aria-label={`Refunded by hand: ${amount(refund)} to ${refund.userName}`}
                  onClick={() => setConfirming(refund)}
                >
                  Refunded by hand
                </Button>
              )}
            </li>
          ))}
        </ul>
      ) : null}
      {confirming ? (
        <RefundDialog
          refund={confirming}
          concertId={concertId}
          currency={currency}
          token={token}
          onAccessRefused={onAccessRefused}
          onRecorded={(refund) => {
            setConfirming(null);
            setRecorded(`The refund of ${amount(refund)} to ${refund.userName} is recorded.`);
          }}
          onClose={() => setConfirming(null)}
          fallbackFocus={() => document.getElementById(headingId)}
        />
      ) : null}
    </section>
  );
}
