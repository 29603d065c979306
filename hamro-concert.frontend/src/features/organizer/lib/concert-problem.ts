import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';

/** Why a concert could not be deleted, in words for the organizer. */
export function deleteProblem(error: unknown): string {
  if (error instanceof ApiError && error.code === 'concert-has-bookings') {
    return 'This concert has active bookings, so it cannot be deleted. Cancel those bookings first, then try again.';
  }
  return errorMessage(error);
}
