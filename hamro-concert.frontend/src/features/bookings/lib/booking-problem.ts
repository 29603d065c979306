import { ApiError, type ErrorCode } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { i18n } from '../../../i18n/i18n';

function code(error: unknown): ErrorCode | undefined {
  return error instanceof ApiError ? error.code : undefined;
}

/** Why a booking could not be found, in words. */
export function lookupProblem(error: unknown): string {
  if (code(error) === 'booking-not-found' || code(error) === 'validation-failed') {
    return i18n.t('findBooking.notFound');
  }
  return errorMessage(error);
}

/** Why a booking could not be cancelled, in words. */
export function cancelProblem(error: unknown): string {
  switch (code(error)) {
    case 'booking-already-cancelled':
      return i18n.t('findBooking.alreadyCancelled');
    case 'concert-already-started':
      return i18n.t('findBooking.started');
    case 'booking-not-found':
      return i18n.t('findBooking.gone');
    default:
      return errorMessage(error);
  }
}
