export { CheckoutPanel } from './components/checkout-panel';
export type { CheckoutSeat } from './lib/checkout-seat';
