import { useSearchParams } from 'react-router';
import { FindBooking } from '../../features/bookings';
import { paths } from '../paths';
import styles from './find-booking-page.module.css';
import { useRefreshConcert } from '../use-refresh-concert';

/** /find-booking: look up a booking by reference and email (a link may prefill the reference). */
export function FindBookingPage() {
  const [params] = useSearchParams();
  const refresh = useRefreshConcert();
  return (
    <>
      <title>Find my booking · Hamro Concert</title>
      <div className={styles.intro}>
        <h1 className={styles.title}>Find my booking</h1>
        <p className={styles.lead}>
          Enter the booking reference from your confirmation and the email you booked with to see your seats, or to
          cancel.
        </p>
      </div>
      <FindBooking
        initialReference={params.get('reference') ?? ''}
        onCancelled={(booking) => void refresh.everything(booking.concert.id)}
        paymentHref={paths.paymentFor}
      />
    </>
  );
}
