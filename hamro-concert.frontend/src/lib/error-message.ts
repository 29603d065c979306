import { ApiError } from './api-client';

/** 429 rate-limited: how long to wait, from the answer's Retry-After when it has one. */
export function rateLimited(retryAfterSeconds: number | null): string {
  const wait =
    retryAfterSeconds === null
      ? 'a moment'
      : retryAfterSeconds <= 1
        ? 'a second'
        : `${String(retryAfterSeconds)} seconds`;
  return `Too many requests from this browser just now. Please wait ${wait}, then try again.`;
}

/** A failed request in words a visitor understands; the API's codes, never its raw messages. */
export function errorMessage(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong on our side. Please try again.';
  switch (error.code) {
    case 'network-error':
      return 'We could not reach Hamro Concert. Check your internet connection and try again.';
    case 'busy-try-again':
      return 'Lots of people are booking right now. Please try again in a moment.';
    case 'concert-not-found':
      return 'We could not find this concert. It may have been removed.';
    case 'seat-not-found':
      return 'Some of these seats no longer exist. We have refreshed the seat map.';
    case 'concert-is-over':
      return 'This concert has already taken place, so its seats can no longer be booked.';
    case 'sales-not-open':
      return 'Tickets for this concert are not on sale yet. The concert page shows when sales open.';
    case 'sales-closed':
      return 'Sales for this concert have closed, so its seats can no longer be booked.';
    case 'admission-required':
      return 'This sale has a waiting room: seats can be held and booked only once it is your turn. We have taken you back to the waiting room.';
    case 'one-hold-at-a-time':
      return 'You already hold other seats, perhaps in another tab. Book them or give them back first, or wait a few minutes until that hold runs out.';
    case 'rate-limited':
      return rateLimited(error.retryAfterSeconds);
    case 'validation-failed':
      return 'Some details need another look.';
    case 'payment-provider-unavailable':
      return 'The payment service is not answering just now. Your seats stay held: please try again in a moment.';
    case 'payment-method-not-offered':
      return 'That way to pay is not offered for this booking. Please choose another.';
    case 'booking-not-awaiting-payment':
      return 'This booking is no longer waiting for a payment: it has been paid, or the time to pay ran out.';
    case 'unexpected-response':
      return 'The server sent an answer we did not understand. Please try again.';
    default:
      return error.status >= 500
        ? 'Something went wrong on our side. Please try again in a moment.'
        : 'That did not work. Please try again.';
  }
}
