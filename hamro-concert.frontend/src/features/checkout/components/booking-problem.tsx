import { ProblemNotice } from '../../../components/ui/problem-notice';
import type { CheckoutSeat } from '../lib/checkout-seat';
import { describeProblem, type CheckoutStep } from '../lib/checkout-problem';
import styles from './checkout.module.css';
import { useTranslation } from 'react-i18next';

interface BookingProblemProps {
  error: unknown;
  step: CheckoutStep;
  /** The seats that were sent, to name the taken ones the way the map does. */
  submitted: readonly CheckoutSeat[];
  remaining: number;
}

/** Why holding or booking seats did not go through, in words, and what happens next. */
export function BookingProblem({ error, step, submitted, remaining }: BookingProblemProps) {
  // Worded in the app's language, again when it changes.
  useTranslation();
  const text = describeProblem(error, step, submitted, remaining);
  return (
    <ProblemNotice title={text.title}>
      {text.lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
      {text.issues.length > 0 ? (
        <ul className={styles.problemList}>
          {text.issues.map((issue) => (
            <li key={issue}>{issue}</li>
          ))}
        </ul>
      ) : null}
    </ProblemNotice>
  );
}
