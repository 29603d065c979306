/** ISO 4217 currency codes this runtime can format, such as NPR and USD. */
const CURRENCIES = new Set(Intl.supportedValuesOf('currency'));

/** Whether `code` is an ISO 4217 currency code (three capital letters this runtime knows). */
export function isCurrency(code: string): boolean {
  return /^[A-Z]{3}$/.test(code) && CURRENCIES.has(code);
}
