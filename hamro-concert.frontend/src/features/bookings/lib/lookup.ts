import { bookingReferenceSchema, findBookingQuerySchema } from 'hamro-concert.contracts';
import { i18n } from '../../../i18n/i18n';

/** What finds a booking: its reference (normalised as the API stores it) and the email it was made with. */
export interface BookingLookup {
  reference: string;
  email: string;
}

export type LookupErrors = Partial<Record<keyof BookingLookup, string>>;

/** Checks the form with the API's own schemas; returns the normalised lookup, or what to fix. */
export function parseLookup(input: BookingLookup): { lookup: BookingLookup | null; errors: LookupErrors } {
  const errors: LookupErrors = {};
  const reference = bookingReferenceSchema.safeParse(input.reference);
  const email = findBookingQuerySchema.safeParse({ email: input.email });
  if (input.reference.trim() === '') errors.reference = i18n.t('findBooking.referenceMissing');
  else if (!reference.success) errors.reference = i18n.t('findBooking.referenceInvalid');
  if (input.email.trim() === '') errors.email = i18n.t('findBooking.emailMissing');
  else if (!email.success) errors.email = i18n.t('findBooking.emailInvalid');
  if (!reference.success || !email.success) return { lookup: null, errors };
  return { lookup: { reference: reference.data, email: email.data.email }, errors };
}
