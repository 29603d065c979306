import type { BookingDetails } from 'hamro-concert.contracts';
import { Button } from '../../../components/ui/button';
import { Dialog, dialogParts } from '../../../components/ui/dialog';
import { ProblemNotice } from '../../../components/ui/problem-notice';
import { formatMoney, plural } from '../../../lib/format';
import { cancelProblem } from '../lib/booking-problem';

interface CancelBookingDialogProps {
  booking: BookingDetails;
  cancelling: boolean;
  error: unknown;
  onConfirm: () => void;
  onClose: () => void;
}

/** Asks once more before cancelling; the safe choice has the focus. */
export function CancelBookingDialog({ booking, cancelling, error, onConfirm, onClose }: CancelBookingDialogProps) {
  return (
    <Dialog
      labelledBy="cancel-title"
      describedBy="cancel-summary"
      onClose={() => !cancelling && onClose()}
      fallbackFocus={() => document.getElementById('booking-title')}
    >
      <div className={dialogParts.body}>
        <h2 id="cancel-title" className={dialogParts.title}>
          Cancel this booking?
        </h2>
        <p id="cancel-summary">
          {plural(booking.seats.length, 'seat')} for {booking.concert.title} (
          {formatMoney(booking.totalAmount, booking.concert.currency)}) will be given up and offered to other buyers at
          once. This cannot be undone.
        </p>
        {error ? <ProblemNotice>{cancelProblem(error)}</ProblemNotice> : null}
        <div className={dialogParts.actions}>
          <Button variant="secondary" onClick={onClose} disabled={cancelling} data-autofocus>
            Keep my booking
          </Button>
          <Button onClick={onConfirm} disabled={cancelling}>
            {cancelling ? 'Cancelling…' : 'Yes, cancel booking'}
          </Button>
        </div>
      </div>
    </Dialog>
  );
}
