/**
 * The app's own URLs. The API answers on the same origin, so none of these may start with an API
 * path (/concerts, /seats, /ticket-bookings, /bookings, /docs, ...): hence the singular /concert.
 */
export const paths = {
  home: '/',
  homePage: (page: number) => (page > 1 ? `/?page=${page}` : '/'),
  concert: (concertId: string) => `/concert/${encodeURIComponent(concertId)}`,
  findBooking: '/find-booking',
  organizer: '/organizer',
  door: '/door',
  findBookingFor: (reference: string) => `/find-booking?reference=${encodeURIComponent(reference)}`,
  /** Where the API sends a buyer back from Khalti or eSewa (with `result`), and where paying goes on. */
  payment: '/payment',
  paymentFor: (reference: string) => `/payment?reference=${encodeURIComponent(reference)}`,
} as const;
