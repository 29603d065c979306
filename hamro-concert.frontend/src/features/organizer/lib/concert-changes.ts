import { concertChangesSchema, type Concert, type ConcertChanges } from 'hamro-concert.contracts';
import { windowDraft, windowInstants, type WindowDraft } from './sales-window-draft';
import type { DetailsDraft, DraftErrors } from './venue-draft';

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
>;

/** The edit form: the details, and the sales window on the venue's clock. */
export type EditDraft = Required<DetailsDraft> & WindowDraft;

/** The detail fields the edit form shows; the venue's time zone and currency keep what they have. */
type Field = Exclude<keyof ConcertChanges, 'timeZone' | 'salesOpenAt' | 'salesCloseAt' | 'currency'>;
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
  };
}

/**
 * The fields that differ from the concert, in the API's shape ("19:30" becomes "19:30:00"); a sales
 * bound typed anew is sent as an instant with the venue's offset, and one cleared as null.
 */
export function draftChanges(draft: EditDraft, concert: EditableConcert): Record<string, string | null> {
  const wanted: Record<Field, string> = { ...draft, time: draft.time ? `${draft.time}:00` : '' };
  const before = windowDraft(concert, concert.timeZone);
  const instants = windowInstants(draft, concert.timeZone);
  return Object.fromEntries([
    ...FIELDS.filter((f) => wanted[f].trim() !== concert[f]).map((f) => [f, wanted[f]]),
    ...WINDOW_FIELDS.filter((f) => draft[f] !== before[f]).map((f) => [f, instants[f]]),
  ]);
}

function fieldMessage(field: Field, issue: { code: string; maximum?: unknown }): string {
  if (field === 'date') return 'Choose the date.';
  if (field === 'time') return 'Choose the start time.';
  if (issue.code === 'too_big') return `Keep it to ${String(issue.maximum)} characters.`;
  return 'This is needed.';
}

export type ChangesCheck = { ok: true; changes: ConcertChanges } | { ok: false; errors: DraftErrors };

/** Checks the changes with the API's own schema; its issues become one message per field. */
export function checkChanges(changes: Record<string, string | null>): ChangesCheck {
  const parsed = concertChangesSchema.safeParse(changes);
  if (parsed.success) return { ok: true, changes: parsed.data };
  const errors: DraftErrors = {};
  for (const issue of parsed.error.issues) {
    const field = issue.path[0];
    if (typeof field === 'string' && FIELDS.includes(field as Field)) {
      errors[field] ??= fieldMessage(field as Field, issue as { code: string; maximum?: unknown });
    }
  }
  return { ok: false, errors };
}
