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
} as const;
