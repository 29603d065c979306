import type { RefundDue } from 'hamro-concert.contracts';
import { Button } from '../../../components/ui/button';
import { Dialog, dialogParts } from '../../../components/ui/dialog';
import { ProblemNotice } from '../../../components/ui/problem-notice';
import { formatMoney } from '../../../lib/format';
import { useMarkRefunded } from '../api/mark-refunded';
import { refundProblem } from '../lib/concert-problem';
import { useTranslation } from 'react-i18next';

interface RefundDialogProps {
  refund: RefundDue;
  concertId: string;
  currency: string;
  token: string;
  onAccessRefused: (error: unknown) => boolean;
  /** The refund is recorded and the lists refreshed. */
  onRecorded: (refund: RefundDue) => void;
  onClose: () => void;
  /** Where focus goes once the refund's button has left the list. */
  fallbackFocus: () => HTMLElement | null;
}

/** Asks once more before recording an eSewa refund as given back by hand; "Not yet" has the focus. */
export function RefundDialog({
  refund,
  concertId,
  currency,
  token,
  onAccessRefused,
  onRecorded,
  onClose,
  fallbackFocus,
}: RefundDialogProps) {
  const { t } = useTranslation();
  const mark = useMarkRefunded({ onError: (error) => void onAccessRefused(error) });
  const amount = formatMoney(refund.amount, currency);
  return (
    <Dialog
      labelledBy="refund-title"
      describedBy="refund-summary"
      onClose={() => !mark.isPending && onClose()}
      fallbackFocus={fallbackFocus}
    >
      <div className={dialogParts.body}>
        <h2 id="refund-title" className={dialogParts.title}>
          {t('organizer.refundTitle')}
        </h2>
        <p id="refund-summary">
          {t('organizer.refundSummary', {
            amount,
            name: refund.userName,
            email: refund.userEmail,
            reference: refund.bookingReference,
          })}
        </p>
        {mark.isError ? (
          <ProblemNotice title={t('organizer.refundNotRecorded')}>{refundProblem(mark.error)}</ProblemNotice>
        ) : null}
        <div className={dialogParts.actions}>
          <Button variant="secondary" onClick={onClose} disabled={mark.isPending} data-autofocus>
            {t('organizer.notYet')}
          </Button>
          <Button
            onClick={() =>
              mark.mutate({ paymentId: refund.paymentId, concertId, token }, { onSuccess: () => onRecorded(refund) })
            }
            disabled={mark.isPending}
          >
            {mark.isPending ? t('organizer.recording') : t('organizer.confirmRefund')}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
