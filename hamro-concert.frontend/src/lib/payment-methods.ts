import type { OnlinePaymentMethod, PaymentMethod } from 'hamro-concert.contracts';

/** Each way to pay as a buyer chooses it, in the order the app offers them: online first, then the door. */
export const PAYMENT_METHOD_LABELS: Record<PaymentMethod, string> = {
  khalti: 'Khalti',
  esewa: 'eSewa',
  door: 'Pay at the door (cash)',
};

const ORDER: readonly PaymentMethod[] = ['khalti', 'esewa', 'door'];

/** The ways given, each once, in the app's order: Khalti, eSewa, then the door. */
export function inOfferOrder(methods: readonly PaymentMethod[]): PaymentMethod[] {
  return ORDER.filter((method) => methods.includes(method));
}

/** "Khalti", "eSewa": the provider's name, as sentences say it. */
export function providerName(method: OnlinePaymentMethod): string {
  return method === 'khalti' ? 'Khalti' : 'eSewa';
}
