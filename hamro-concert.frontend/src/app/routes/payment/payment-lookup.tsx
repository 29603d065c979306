import { ProblemNotice } from '../../../components/ui/problem-notice';
import { FindBookingForm, type BookingLookup } from '../../../features/bookings';
import styles from '../find-booking-page.module.css';

interface PaymentLookupProps {
  initialReference: string;
  /** Why the last lookup found nothing, in words. */
  problem: string | null;
  onFind: (lookup: BookingLookup) => void;
}

/** Without the booking kept in this tab (another browser, storage refused): its reference and email, please. */
export function PaymentLookup({ initialReference, problem, onFind }: PaymentLookupProps) {
  return (
    <>
      <div className={styles.intro}>
        <h1 className={styles.title}>Your payment</h1>
        <p className={styles.lead}>
          Enter the booking reference and the email you booked with to see whether your payment went through, or to pay.
        </p>
      </div>
      {problem ? (
        <ProblemNotice title="No booking found">
          <p>{problem}</p>
        </ProblemNotice>
      ) : null}
      <FindBookingForm initialReference={initialReference} searching={false} onFind={onFind} />
    </>
  );
}
