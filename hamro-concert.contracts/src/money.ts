/** Money is integer minor units (cents) inside the product and a "100.00" string on the wire. */
export function formatCents(cents: number): string {
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  return `${sign}${Math.floor(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
}

/** The highest price a ticket may have: 10,000,000.00 (one crore), in cents. */
export const MAX_PRICE_CENTS = 1_000_000_000;

export function parseAmount(amount: string): number {
  const match = /^(\d{1,13})(?:\.(\d{1,2}))?$/.exec(amount);
  if (!match) throw new RangeError(`Not an amount: ${amount}`);
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0'));
}
