import type { BookingDetails } from 'hamro-concert.contracts';
import { Button } from '../../../components/ui/button';
import { Dialog, dialogParts } from '../../../components/ui/dialog';
import { ProblemNotice } from '../../../components/ui/problem-notice';
import { formatMoney } from '../../../lib/format';
import { cancelProblem } from '../lib/booking-problem';
import { useTranslation } from 'react-i18next';

interface CancelBookingDialogProps {
  booking: BookingDetails;
  cancelling: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

/** Asks once more before cancelling; the safe choice has the focus. */
export function CancelBookingDialog({ booking, cancelling, error, onConfirm, onClose }: CancelBookingDialogProps) {
  const { t } = useTranslation();
  return (
    <Dialog
      labelledBy="cancel-title"
      describedBy="cancel-summary"
      onClose={() => !cancelling && onClose()}
      fallbackFocus={() => document.getElementById('booking-title')}
    >
      <div className={dialogParts.body}>
        <h2 id="cancel-title" className={dialogParts.title}>
          {t('booking.cancelTitle')}
        </h2>
        <p id="cancel-summary">
          {t('booking.cancelSummary', {
            seats: t('common.seatCount', { count: booking.seats.length }),
            concert: booking.concert.title,
            total: formatMoney(booking.totalAmount, booking.concert.currency),
          })}
        </p>
        {error ? <ProblemNotice>{cancelProblem(error)}</ProblemNotice> : null}
        <div className={dialogParts.actions}>
          <Button variant="secondary" onClick={onClose} disabled={cancelling} data-autofocus>
            {t('booking.keep')}
          </Button>
          <Button onClick={onConfirm} disabled={cancelling}>
            {cancelling ? t('booking.cancelling') : t('booking.confirmCancel')}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
