import { concertChangesSchema, type Concert, type ConcertChanges, type PaymentMethod } from 'hamro-concert.contracts';
import { windowDraft, windowInstants, type WindowDraft } from './sales-window-draft';
import { noWayToPay, type DetailsDraft, type DraftErrors } from './venue-draft';
import { i18n } from '../../../i18n/i18n';

/** What the organizer can change about a concert once it exists (its layout stays as it is). */
export type EditableConcert = Pick<
  Concert,
  | 'id'
  | 'title'
  | 'artist'
  | 'date'
  | 'time'
  | 'timeZone'
  | 'salesOpenAt'
  | 'salesCloseAt'
  | 'venue'
  | 'city'
  | 'image'
  | 'description'
  | 'currency'
  | 'paymentMethods'
  | 'paymentMethodsChosen'
>;

/** The edit form: the details, the sales window on the venue's clock, and the ways to pay. */
export type EditDraft = Required<DetailsDraft> & WindowDraft & { paymentMethods: PaymentMethod[] };

/** The detail fields the edit form shows; the venue's time zone and currency keep what they have. */
type Field = Exclude<keyof ConcertChanges, 'timeZone' | 'salesOpenAt' | 'salesCloseAt' | 'currency' | 'paymentMethods'>;
const FIELDS: readonly Field[] = ['title', 'artist', 'date', 'time', 'venue', 'city', 'image', 'description'];
const WINDOW_FIELDS = ['salesOpenAt', 'salesCloseAt'] as const;

export function detailsDraft(concert: EditableConcert): EditDraft {
  const { title, artist, date, time, venue, city, image, description } = concert;
  return {
    title,
    artist,
    date,
    time: time.slice(0, 5),
    venue,
    city,
    image,
    description,
    ...windowDraft(concert, concert.timeZone),
    paymentMethods: [...concert.paymentMethodsChosen],
  };
}

/** The changes as the form has them, before the API's schema has checked them. */
export type DraftChanges = Record<string, string | null | PaymentMethod[]>;

function sameMethods(a: readonly PaymentMethod[], b: readonly PaymentMethod[]): boolean {
  return a.length === b.length && a.every((method) => b.includes(method));
}

/**
 * The fields that differ from the concert, in the API's shape ("19:30" becomes "19:30:00"); a sales
 * bound typed anew is sent as an instant with the venue's offset, and one cleared as null; the ways
 * to pay go whole, when they differ.
 */
export function draftChanges(draft: EditDraft, concert: EditableConcert): DraftChanges {
  const { paymentMethods, ...details } = draft;
  const wanted: Record<Field, string> = { ...details, time: draft.time ? `${draft.time}:00` : '' };
  const before = windowDraft(concert, concert.timeZone);
  const instants = windowInstants(draft, concert.timeZone);
  return Object.fromEntries([
    ...FIELDS.filter((f) => wanted[f].trim() !== concert[f]).map((f) => [f, wanted[f]]),
    ...WINDOW_FIELDS.filter((f) => draft[f] !== before[f]).map((f) => [f, instants[f]]),
    ...(sameMethods(paymentMethods, concert.paymentMethodsChosen) ? [] : [['paymentMethods', paymentMethods]]),
  ]);
}

function fieldMessage(field: Field, issue: { code: string; maximum?: unknown }): string {
  if (field === 'date') return i18n.t('organizer.errors.date');
  if (field === 'time') return i18n.t('organizer.errors.time');
  if (issue.code === 'too_big') return i18n.t('organizer.errors.tooLong', { max: Number(issue.maximum) });
  return i18n.t('organizer.errors.needed');
}

export type ChangesCheck = { ok: true; changes: ConcertChanges } | { ok: false; errors: DraftErrors };

/** Checks the changes with the API's own schema; its issues become one message per field. */
export function checkChanges(changes: DraftChanges): ChangesCheck {
  const parsed = concertChangesSchema.safeParse(changes);
  if (parsed.success) return { ok: true, changes: parsed.data };
  const errors: DraftErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (field === 'paymentMethods') errors.paymentMethods ??= noWayToPay();
    else if (typeof field === 'string' && FIELDS.includes(field as Field)) {
      errors[field] ??= fieldMessage(field as Field, issue as { code: string; maximum?: unknown });
    }
  }
  return { ok: false, errors };
}
