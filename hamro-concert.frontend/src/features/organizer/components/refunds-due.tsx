import type { RefundDue } from 'hamro-concert.contracts';
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { errorMessage } from '../../../lib/error-message';
import { formatDateTime, formatMoney } from '../../../lib/format';
import { providerName } from '../../../lib/payment-methods';
import { isAccessRefused } from '../../../lib/session-token';
import { useRefundsDue } from '../api/get-refunds-due';
import styles from './organizer.module.css';
import { RefundDialog } from './refund-dialog';
import { Trans, useTranslation } from 'react-i18next';
import { i18n } from '../../../i18n/i18n';

interface RefundsDueProps {
  concertId: string;
  title: string;
  currency: string;
  token: string;
  onAccessRefused: (error: unknown) => boolean;
}

const REASONS = ['cancelled', 'late', 'paid-twice', 'mismatch'] as const;

/** Why the money is owed back, in words. */
function reasonText(reason: string): string {
  const known = REASONS.find((candidate) => candidate === reason);
  return i18n.t(`organizer.reasons.${known ?? 'other'}`);
}

/** The money owed back to buyers of one concert: Khalti's go back by themselves, eSewa's are marked by hand. */
export function RefundsDue({ concertId, title, currency, token, onAccessRefused }: RefundsDueProps) {
  const { t } = useTranslation();
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
        <Trans
          i18nKey="organizer.refundsTitle"
          values={{ concert: title }}
          components={{ hidden: <span className="visually-hidden" /> }}
        />
      </h4>
      <div role="status">{recorded ? <p className={styles.done}>{recorded}</p> : null}</div>
      {refunds.isPending ? <p className={styles.muted}>{t('organizer.loadingRefunds')}</p> : null}
      {refunds.isError ? (
        <div className={styles.error} role="alert">
          <p>{t('organizer.refundsFailed', { concert: title, why: errorMessage(refunds.error) })}</p>
          <Button variant="secondary" onClick={() => void refunds.refetch()}>
            {t('organizer.tryAgain')}
          </Button>
        </div>
      ) : null}
      {refunds.data?.length === 0 ? <p className={styles.muted}>{t('organizer.noRefunds')}</p> : null}
      {refunds.data?.length ? (
        <ul className={styles.refundList}>
          {refunds.data.map((refund) => (
            <li key={refund.paymentId} className={styles.refund}>
              <div className={styles.refundFacts}>
                <span className={styles.refundAmount}>
                  {t('organizer.refundTo', {
                    amount: amount(refund),
                    name: refund.userName,
                    provider: providerName(refund.method),
                  })}
                </span>
                <span className={styles.muted}>
                  {t('organizer.refundBooking', { email: refund.userEmail, reference: refund.bookingReference })}
                  {refund.transactionId ? t('organizer.refundTransaction', { transaction: refund.transactionId }) : ''}
                </span>
                <span className={styles.muted}>
                  {t('organizer.refundSince', {
                    reason: reasonText(refund.reason),
                    when: formatDateTime(refund.since),
                  })}
                </span>
              </div>
              {refund.method === 'khalti' ? (
                <p className={styles.muted}>{t('organizer.refundingKhalti')}</p>
              ) : (
                <Button
                  variant="secondary"
                  aria-label={t('organizer.refundedByHandLabel', { amount: amount(refund), name: refund.userName })}
                  onClick={() => setConfirming(refund)}
                >
                  {t('organizer.refundedByHand')}
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
            setRecorded(t('organizer.refundRecorded', { amount: amount(refund), name: refund.userName }));
          }}
          onClose={() => setConfirming(null)}
          fallbackFocus={() => document.getElementById(headingId)}
        />
      ) : null}
    </section>
  );
}
