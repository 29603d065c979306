import type { BookingDetails } from 'hamro-concert.contracts';
import { useState } from 'react';
import { Button } from '../../../components/ui/button';
import { TicketList } from '../../../components/ui/ticket-list';
import { formatConcertDate, formatConcertDayBs, formatDateTime, formatMoney } from '../../../lib/format';
import { useCancelBooking } from '../api/cancel-booking';
import { bookingTickets } from '../lib/booking-tickets';
import type { BookingLookup } from '../lib/lookup';
import { BookingPayment } from './booking-payment';
import { BookingSeats } from './booking-seats';
import { BookingStatus } from './booking-status';
import styles from './bookings.module.css';
import { CancelBookingDialog } from './cancel-booking-dialog';
import { useTranslation } from 'react-i18next';

interface BookingViewProps {
  booking: BookingDetails;
  lookup: BookingLookup;
  onCancelled: (booking: BookingDetails) => void;
  /** The payment page of a booking, from its reference. */
  paymentHref: (reference: string) => string;
}

/** One booking: the concert, the seats by section and row, how it is paid, the total, its status; cancel if allowed. */
export function BookingView({ booking, lookup, onCancelled, paymentHref }: BookingViewProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  const [justCancelled, setJustCancelled] = useState(false);
  const cancel = useCancelBooking(lookup, (cancelled) => {
    setConfirming(false);
    setJustCancelled(true);
    onCancelled(cancelled);
  });
  const cancelled = booking.status === 'cancelled';

  return (
    <article className={styles.booking} aria-labelledby="booking-title">
      <header className={styles.bookingHead}>
        <BookingStatus status={booking.status} />
        <h2 id="booking-title" className={styles.bookingTitle} tabIndex={-1}>
          {booking.concert.title}
        </h2>
        <p className={styles.artist}>{booking.concert.artist}</p>
        <p className={styles.when}>
          {formatConcertDate(booking.concert.date, booking.concert.time, booking.concert.timeZone)} ·{' '}
          {booking.concert.venue}, {booking.concert.city}
        </p>
        <p className={styles.when}>{formatConcertDayBs(booking.concert.date)}</p>
      </header>
      <div role="status">{justCancelled ? <p className={styles.done}>{t('booking.cancelledNow')}</p> : null}</div>
      <BookingSeats seats={booking.seats} currency={booking.concert.currency} />
      {cancelled ? null : (
        <BookingPayment booking={booking} lookup={lookup} paymentHref={paymentHref(booking.reference)} />
      )}
      {cancelled || booking.tickets.length === 0 ? null : (
        <>
          <h3 className={styles.ticketsTitle}>{t('booking.tickets')}</h3>
          <TicketList tickets={bookingTickets(booking)} />
        </>
      )}
      <dl className={styles.facts}>
        <div>
          <dt>{t('booking.reference')}</dt>
          <dd className={styles.reference}>{booking.reference}</dd>
        </div>
        <div>
          <dt>{t('booking.bookedBy')}</dt>
          <dd>
            {booking.userName} · {booking.userEmail}
          </dd>
        </div>
        <div>
          <dt>{cancelled ? t('booking.cancelled') : t('booking.booked')}</dt>
          <dd>{formatDateTime(cancelled && booking.cancelledAt ? booking.cancelledAt : booking.createdAt)}</dd>
        </div>
        <div className={styles.total}>
          <dt>{t('common.total')}</dt>
          <dd>{formatMoney(booking.totalAmount, booking.concert.currency)}</dd>
        </div>
      </dl>
      {booking.canCancel ? (
        <Button variant="secondary" onClick={() => setConfirming(true)}>
          {t('booking.cancel')}
        </Button>
      ) : !cancelled ? (
        <p className={styles.note}>{t('booking.cannotCancel')}</p>
      ) : null}
      {confirming ? (
        <CancelBookingDialog
          booking={booking}
          cancelling={cancel.isPending}
          error={cancel.error}
          onConfirm={() => cancel.mutate()}
          onClose={() => {
            cancel.reset();
            setConfirming(false);
          }}
        />
      ) : null}
    </article>
  );
}
