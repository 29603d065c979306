import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import type { ProblemText } from './checkout-problem';

/**
 * Why the payment of a booking just made did not start, in words. The booking stands either way;
 * `heldUntil` ("14:35") is when its seats are released unless it is paid.
 */
export function paymentProblem(error: unknown, provider: string, heldUntil: string | null): ProblemText {
  const held = heldUntil ? `Your booking is made and its seats stay held until ${heldUntil}` : 'Your booking is made';
  const code = error instanceof ApiError ? error.code : undefined;
  switch (code) {
    case 'payment-provider-unavailable':
      return {
        title: `${provider} is not answering`,
        lines: [
          `${provider} did not answer just now, so nothing has been paid. ${held}: try again in a moment, or choose another way to pay.`,
        ],
        issues: [],
      };
    case 'payment-method-not-offered':
      return {
        title: `${provider} cannot take this payment`,
        lines: [`${held}. Choose another way to pay for it.`],
        issues: [],
      };
    case 'booking-not-awaiting-payment':
      return { title: 'This booking is not waiting for a payment', lines: [errorMessage(error)], issues: [] };
    default:
      return {
        title: `We could not take you to ${provider}`,
        lines: [errorMessage(error), `${held}: try again, or choose another way to pay.`],
        issues: [],
      };
  }
}
