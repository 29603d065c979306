import type { RefundDue } from 'hamro-concert.contracts';
import { Button } from '../../../components/ui/button';
import { Dialog, dialogParts } from '../../../components/ui/dialog';
import { ProblemNotice } from '../../../components/ui/problem-notice';
import { formatMoney } from '../../../lib/format';
import { useMarkRefunded } from '../api/mark-refunded';
import { refundProblem } from '../lib/concert-problem';

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
          Record this refund as done?
        </h2>
        <p id="refund-summary">
          Only once {amount} has gone back to {refund.userName} ({refund.userEmail}) for booking{' '}
          {refund.bookingReference}: eSewa has no refund service, so this records it and sends no money.
        </p>
        {mark.isError ? (
          <ProblemNotice title="The refund was not recorded">{refundProblem(mark.error)}</ProblemNotice>
        ) : null}
        <div className={dialogParts.actions}>
          <Button variant="secondary" onClick={onClose} disabled={mark.isPending} data-autofocus>
            Not yet
          </Button>
          <Button
            onClick={() =>
              mark.mutate({ paymentId: refund.paymentId, concertId, token }, { onSuccess: () => onRecorded(refund) })
            }
            disabled={mark.isPending}
          >
            {mark.isPending ? 'Recording…' : 'Yes, it is refunded'}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
