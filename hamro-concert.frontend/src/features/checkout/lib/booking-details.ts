import { bookSeatsBodySchema } from 'hamro-concert.contracts';
import { currentLanguage, i18n } from '../../../i18n/i18n';

export interface BookingDetails {
  userName: string;
  userEmail: string;
}

export type DetailErrors = Partial<Record<keyof BookingDetails, string>>;

const detailsSchema = bookSeatsBodySchema.pick({ userName: true, userEmail: true });

function sentence(message: string): string {
  return message.charAt(0).toUpperCase() + message.slice(1);
}

/** Checks name and email with the API's own request schema, so the form and the API agree. */
/** A detail the contract refuses, in the buyer's language: by the field and the kind of issue, not zod's English. */
function detailMessage(field: keyof BookingDetails, code: string): string {
  if (field === 'userEmail') return i18n.t('checkout.emailInvalid');
  if (code === 'too_big') return i18n.t('checkout.nameTooLong');
  if (code === 'invalid_format') return i18n.t('checkout.nameControl');
  return i18n.t('checkout.nameMissing');
}

export function validateDetails(details: BookingDetails): DetailErrors {
  const result = detailsSchema.safeParse(details);
  if (result.success) return {};
  const errors: DetailErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if ((field === 'userName' || field === 'userEmail') && !errors[field]) {
      errors[field] = detailMessage(field, issue.code);
    }
  }
  return errors;
}

/**
 * The API's own field errors from a 400 answer, for the fields this form has. The API words them in
 * English: in another language the field is named as needing another look.
 */
export function serverDetailErrors(errors: readonly { path: string; message: string }[] | undefined): DetailErrors {
  const result: DetailErrors = {};
  for (const error of errors ?? []) {
    const field = error.path.split('.')[0];
    if (field !== 'userName' && field !== 'userEmail') continue;
    result[field] ??= currentLanguage() === 'en' ? sentence(error.message) : i18n.t('errors.validation-failed');
  }
  return result;
}
