import { ApiError } from './api-client';

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
    case 'validation-failed':
      return 'Some details need another look.';
    case 'unexpected-response':
      return 'The server sent an answer we did not understand. Please try again.';
    default:
      return error.status >= 500
        ? 'Something went wrong on our side. Please try again in a moment.'
        : 'That did not work. Please try again.';
  }
}
