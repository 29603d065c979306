import type { ProblemCode } from 'hamro-concert.contracts';
import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { i18n } from '../../../i18n/i18n';

const isProblem = (error: unknown, code: ProblemCode) => error instanceof ApiError && error.code === code;

/** Why a concert could not be deleted, in words for the organizer. */
export function deleteProblem(error: unknown): string {
  if (isProblem(error, 'concert-has-bookings')) {
    return i18n.t('organizer.errors.hasBookings');
  }
  return errorMessage(error);
}

/** Why a tier's sales window was not saved, in words for the organizer. */
export function tierWindowProblem(error: unknown): string {
  if (isProblem(error, 'validation-failed')) {
    return i18n.t('organizer.errors.tierOrder');
  }
  if (isProblem(error, 'ticket-tier-not-found')) {
    return i18n.t('organizer.errors.tierGone');
  }
  return errorMessage(error);
}

/** Why a refund made by hand was not recorded, in words for the organizer. */
export function refundProblem(error: unknown): string {
  if (isProblem(error, 'refund-not-due')) return i18n.t('organizer.errors.refundNotDue');
  if (isProblem(error, 'payment-not-found')) return i18n.t('organizer.errors.paymentGone');
  return errorMessage(error);
}
