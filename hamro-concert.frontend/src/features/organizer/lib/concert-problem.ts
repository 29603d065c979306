import type { ProblemCode } from 'hamro-concert.contracts';
import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';

const isProblem = (error: unknown, code: ProblemCode) => error instanceof ApiError && error.code === code;

/** Why a concert could not be deleted, in words for the organizer. */
export function deleteProblem(error: unknown): string {
  if (isProblem(error, 'concert-has-bookings')) {
    return 'This concert has active bookings, so it cannot be deleted. Cancel those bookings first, then try again.';
  }
  return errorMessage(error);
}

/** Why a tier's sales window was not saved, in words for the organizer. */
export function tierWindowProblem(error: unknown): string {
  if (isProblem(error, 'validation-failed')) {
    return "The tier's sales must close after they open. Change one of the two times, then save again.";
  }
  if (isProblem(error, 'ticket-tier-not-found')) {
    return 'This tier no longer exists; it may have been deleted. Reload the page to see the concert as it is now.';
  }
  return errorMessage(error);
}

/** Why a refund made by hand was not recorded, in words for the organizer. */
export function refundProblem(error: unknown): string {
  if (isProblem(error, 'refund-not-due')) return 'This refund is no longer due: it has been recorded already.';
  if (isProblem(error, 'payment-not-found')) return 'We could not find this payment any more. Reload the page.';
  return errorMessage(error);
}
