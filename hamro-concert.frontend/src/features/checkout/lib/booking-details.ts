import { bookSeatsBodySchema } from 'hamro-concert.contracts';

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
export function validateDetails(details: BookingDetails): DetailErrors {
  const result = detailsSchema.safeParse(details);
  if (result.success) return {};
  const errors: DetailErrors = {};
  for (const issue of result.error.issues) {
    const field = issue.path[0];
    if ((field === 'userName' || field === 'userEmail') && !errors[field]) {
      errors[field] =
        field === 'userName' && issue.code === 'too_big' ? 'Use at most 100 characters' : sentence(issue.message);
    }
  }
  return errors;
}

/** The API's own field errors from a 400 answer, for the fields this form has. */
export function serverDetailErrors(errors: readonly { path: string; message: string }[] | undefined): DetailErrors {
  const result: DetailErrors = {};
  for (const error of errors ?? []) {
    const field = error.path.split('.')[0];
    if (field === 'userName' || field === 'userEmail') result[field] ??= sentence(error.message);
  }
  return result;
}
