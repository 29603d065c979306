export { FindBooking } from './components/find-booking';
export { bookingQueryOptions } from './api/get-booking';
