import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import type { ProblemText } from './checkout-problem';
import { i18n } from '../../../i18n/i18n';

/**
 * Why the payment of a booking just made did not start, in words. The booking stands either way;
 * `heldUntil` ("14:35") is when its seats are released unless it is paid.
 */
export function paymentProblem(error: unknown, provider: string, heldUntil: string | null): ProblemText {
  const held = heldUntil
    ? i18n.t('checkoutProblem.bookingMadeHeld', { until: heldUntil })
    : i18n.t('checkoutProblem.bookingMade');
  const code = error instanceof ApiError ? error.code : undefined;
  switch (code) {
    case 'payment-provider-unavailable':
      return {
        title: i18n.t('checkoutProblem.providerDownTitle', { provider }),
        lines: [i18n.t('checkoutProblem.providerDown', { provider, held })],
        issues: [],
      };
    case 'payment-method-not-offered':
      return {
        title: i18n.t('checkoutProblem.notOfferedTitle', { provider }),
        lines: [i18n.t('checkoutProblem.notOffered', { held })],
        issues: [],
      };
    case 'booking-not-awaiting-payment':
      return { title: i18n.t('checkoutProblem.notAwaitingTitle'), lines: [errorMessage(error)], issues: [] };
    default:
      return {
        title: i18n.t('checkoutProblem.handOffFailedTitle', { provider }),
        lines: [errorMessage(error), i18n.t('checkoutProblem.handOffFailed', { held })],
        issues: [],
      };
  }
}
