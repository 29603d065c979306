import type { PaymentStart } from 'hamro-concert.contracts';

/**
 * Leaving for a payment provider and coming back. The provider sends the buyer back through the API
 * to /payment?reference=…, without the email that finds the booking, so the email is kept in this
 * tab's session storage first, one key per booking (a second booking does not overwrite the first).
 */
export interface PaymentLookup {
  reference: string;
  email: string;
}

const KEY_PREFIX = 'hamro.payment.';

/** Keeps the booking's reference and email for the return from the provider. */
export function rememberPayment({ reference, email }: PaymentLookup): void {
  try {
    window.sessionStorage.setItem(`${KEY_PREFIX}${reference}`, email);
  } catch {
    // Storage refused (private mode, full): the payment page then asks for the email.
  }
}

/** The booking kept for this reference before leaving, if this tab has it. */
export function rememberedPayment(reference: string | null): PaymentLookup | null {
  if (!reference) return null;
  try {
    const email = window.sessionStorage.getItem(`${KEY_PREFIX}${reference}`);
    return email ? { reference, email } : null;
  } catch {
    return null;
  }
}

/** The page's own way out, apart so that component tests can watch it (jsdom cannot navigate). */
export const browserNavigation = {
  assign(url: string): void {
    window.location.assign(url);
  },
};

/**
 * Sends the browser to the provider: Khalti by its payment URL; eSewa by posting its signed fields
 * from a form of hidden inputs, as eSewa requires. Returns false when the start names neither (the
 * door: nothing to leave for).
 */
export function leaveForProvider(start: PaymentStart): boolean {
  if (start.redirectUrl) {
    browserNavigation.assign(start.redirectUrl);
    return true;
  }
  if (!start.form) return false;
  const form = document.createElement('form');
  form.method = 'post';
  form.action = start.form.action;
  form.hidden = true;
  for (const [name, value] of Object.entries(start.form.fields)) {
    const input = document.createElement('input');
    input.type = 'hidden';
    input.name = name;
    input.value = value;
    form.append(input);
  }
  document.body.append(form);
  form.submit();
  return true;
}
