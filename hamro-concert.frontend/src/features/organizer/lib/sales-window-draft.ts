import type { Concert } from 'hamro-concert.contracts';
import { instantOnVenueClock, venueClockInput } from '../../../lib/venue-clock';
import { i18n } from '../../../i18n/i18n';

/**
 * A concert's sales window as the organizer types it: each bound on the venue's wall clock, as a
 * datetime-local input gives it ("2027-02-01T10:00"), or "" for none (sell at once; sell until the
 * concert starts).
 */
export interface WindowDraft {
  salesOpenAt: string;
  salesCloseAt: string;
}

type Window = Pick<Concert, 'salesOpenAt' | 'salesCloseAt'>;

export const NO_WINDOW: WindowDraft = { salesOpenAt: '', salesCloseAt: '' };

/** The concert's window as its edit form shows it, on the venue's clock. */
export function windowDraft(window: Window, timeZone: string): WindowDraft {
  return {
    salesOpenAt: venueClockInput(window.salesOpenAt, timeZone),
    salesCloseAt: venueClockInput(window.salesCloseAt, timeZone),
  };
}

/** The window as the API takes it: ISO instants with the venue's offset, null where a field is empty. */
export function windowInstants(draft: WindowDraft, timeZone: string): Window {
  return {
    salesOpenAt: instantOnVenueClock(draft.salesOpenAt, timeZone),
    salesCloseAt: instantOnVenueClock(draft.salesCloseAt, timeZone),
  };
}

/** What is wrong with the window, by field: a bound that is not a time, or an end not after the opening. */
export function windowErrors(draft: WindowDraft, timeZone: string): Record<string, string> {
  const errors: Record<string, string> = {};
  const instants = windowInstants(draft, timeZone);
  for (const field of ['salesOpenAt', 'salesCloseAt'] as const) {
    if (draft[field] !== '' && instants[field] === null) errors[field] = i18n.t('organizer.errors.dateTime');
  }
  const { salesOpenAt, salesCloseAt } = instants;
  if (salesOpenAt && salesCloseAt && Date.parse(salesCloseAt) <= Date.parse(salesOpenAt)) {
    errors.salesCloseAt = i18n.t('organizer.errors.closeAfterOpen');
  }
  return errors;
}
