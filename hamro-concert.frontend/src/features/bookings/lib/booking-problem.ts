import { ApiError, type ErrorCode } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';

function code(error: unknown): ErrorCode | undefined {
  return error instanceof ApiError ? error.code : undefined;
}

/** Why a booking could not be found, in words. */
export function lookupProblem(error: unknown): string {
  if (code(error) === 'booking-not-found' || code(error) === 'validation-failed') {
    return 'We could not find a booking with that reference and email. Check both, as they appear on your confirmation, and try again.';
  }
  return errorMessage(error);
}

/** Why a booking could not be cancelled, in words. */
export function cancelProblem(error: unknown): string {
  switch (code(error)) {
    case 'booking-already-cancelled':
      return 'This booking was already cancelled.';
    case 'concert-already-started':
      return 'The concert has already started, so this booking can no longer be cancelled.';
    case 'booking-not-found':
      return 'We could not find this booking any more. Look it up again.';
    default:
      return errorMessage(error);
  }
}
