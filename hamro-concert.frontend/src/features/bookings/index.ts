export { FindBooking } from './components/find-booking';
export { bookingQueryOptions } from './api/get-booking';
export { FindBookingForm } from './components/find-booking-form';
export { PaymentStatus } from './components/payment-status';
export { usePaymentBooking } from './hooks/use-payment-booking';
export { lookupProblem } from './lib/booking-problem';
export { parseResult } from './lib/payment-view';
export type { BookingLookup } from './lib/lookup';
