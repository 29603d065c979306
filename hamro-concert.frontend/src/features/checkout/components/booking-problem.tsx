import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import type { CheckoutSeat } from '../lib/checkout-seat';
import { takenSeats } from '../lib/taken-seats';
import styles from './checkout.module.css';

interface BookingProblemProps {
  error: unknown;
  /** The seats that were sent, to name the taken ones the way the map does. */
  submitted: readonly CheckoutSeat[];
  remaining: number;
}

/** Why a booking did not go through, in words, and what happens next. */
export function BookingProblem({ error, submitted, remaining }: BookingProblemProps) {
  const taken = takenSeats(error);
  if (taken.length > 0) {
    const names = taken.map((seat) => submitted.find((s) => s.id === seat.id)?.place ?? `seat ${seat.seatNumber}`);
    return (
      <div className={styles.problem} role="alert">
        <p className={styles.problemTitle}>
          {taken.length === 1 ? 'That seat was just taken' : 'Those seats were just taken'}
        </p>
        <p>
          Someone else booked {names.join('; ')} a moment before you. We took {taken.length === 1 ? 'it' : 'them'} out of your
          selection and refreshed the map.
        </p>
        <p>
          {remaining > 0
            ? 'Your other seats and your details are still here: check them and book again.'
            : 'Pick other seats on the map, then book again. Your details are still here.'}
        </p>
      </div>
    );
  }
  const validation = error instanceof ApiError && error.code === 'validation-failed' ? (error.problem.errors ?? []) : [];
  return (
    <div className={styles.problem} role="alert">
      <p className={styles.problemTitle}>Your booking did not go through</p>
      <p>{errorMessage(error)}</p>
      {validation.length > 0 ? (
        <ul className={styles.problemList}>
          {validation.map((issue) => (
            <li key={`${issue.path}-${issue.message}`}>{issue.message}</li>
          ))}
        </ul>
      ) : null}
      <p>No seats were booked. Your details are kept, so you can try again.</p>
    </div>
  );
}
