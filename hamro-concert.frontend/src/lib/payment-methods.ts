import type { OnlinePaymentMethod, PaymentMethod } from 'hamro-concert.contracts';
import { i18n } from '../i18n/i18n';

/** Each way to pay as a buyer chooses it, in the app's language: "Khalti", "Pay at the door (cash)". */
export function paymentMethodLabel(method: PaymentMethod): string {
  return i18n.t(`checkout.methods.${method}`);
}

const ORDER: readonly PaymentMethod[] = ['khalti', 'esewa', 'door'];

/** The ways given, each once, in the app's order: Khalti, eSewa, then the door. */
export function inOfferOrder(methods: readonly PaymentMethod[]): PaymentMethod[] {
  return ORDER.filter((method) => methods.includes(method));
}

/** "Khalti", "eSewa": the provider's name, as sentences say it. */
export function providerName(method: OnlinePaymentMethod): string {
  return i18n.t(`checkout.methods.${method}`);
}
