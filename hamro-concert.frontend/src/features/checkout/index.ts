export { CheckoutPanel } from './components/checkout-panel';
export { useSeatHold, type SeatHold } from './hooks/use-seat-hold';
export type { CheckoutSeat } from './lib/checkout-seat';
