import type { BookingDetails } from 'hamro-concert.contracts';
import { useState } from 'react';
import { ProblemNotice } from '../../../components/ui/problem-notice';
import { useBooking } from '../api/get-booking';
import { lookupProblem } from '../lib/booking-problem';
import type { BookingLookup } from '../lib/lookup';
import { BookingView } from './booking-view';
import styles from './bookings.module.css';
import { FindBookingForm } from './find-booking-form';
import { useTranslation } from 'react-i18next';

interface FindBookingProps {
  /** From a link such as the booking confirmation's; the visitor still types the email. */
  initialReference: string;
  /** The booking was cancelled: whatever shows that concert's seats is out of date. */
  onCancelled: (booking: BookingDetails) => void;
  /** The payment page of a booking that awaits payment, from its reference. */
  paymentHref: (reference: string) => string;
}

/** Look a booking up by reference and email, then see it and perhaps cancel it. */
export function FindBooking({ initialReference, onCancelled, paymentHref }: FindBookingProps) {
  const { t } = useTranslation();
  const [lookup, setLookup] = useState<BookingLookup | null>(null);
  const booking = useBooking(lookup);

  function find(next: BookingLookup) {
    if (lookup && next.reference === lookup.reference && next.email === lookup.email) void booking.refetch();
    else setLookup(next);
  }

  return (
    <div className={styles.layout}>
      <FindBookingForm
        initialReference={initialReference}
        searching={booking.isFetching && !booking.data}
        onFind={find}
      />
      <div className={styles.result}>
        {booking.isFetching && !booking.data ? (
          <p role="status" className={styles.note}>
            {t('findBooking.lookingUp')}
          </p>
        ) : null}
        {booking.isError ? (
          <ProblemNotice title={t('findBooking.notFoundTitle')}>
            <p>{lookupProblem(booking.error)}</p>
          </ProblemNotice>
        ) : null}
        {booking.data && lookup ? (
          <BookingView
            key={booking.data.reference}
            booking={booking.data}
            lookup={lookup}
            onCancelled={onCancelled}
            paymentHref={paymentHref}
          />
        ) : null}
      </div>
    </div>
  );
}
