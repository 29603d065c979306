import { PAYMENT_METHODS, type NewConcert, type PaymentMethod, type Section } from 'hamro-concert.contracts';
import { NO_WINDOW, windowErrors, windowInstants, type WindowDraft } from './sales-window-draft';
import { i18n } from '../../../i18n/i18n';
import { formatDigits } from '../../../lib/format';

/** One section of the venue as the organizer edits it; numbers stay text until they are valid. */
export interface SectionDraft {
  section: Section;
  enabled: boolean;
  name: string;
  price: string;
  rowCount: string;
  seatsPerRow: string;
  /** Rows whose seat count differs from seatsPerRow, by row number. */
  overrides: Record<number, string>;
}

/** A concert's details as the organizer types them. */
export interface DetailsDraft {
  title: string;
  artist: string;
  date: string;
  /** "19:00", as a time input gives it. */
  time: string;
  venue: string;
  city: string;
  description: string;
  /** The image's address; only editing an existing concert offers it. */
  image?: string;
}

export interface ConcertDraft extends DetailsDraft, WindowDraft {
  /** The venue's IANA time zone: the date, the start time and the sales window are its clock. */
  timeZone: string;
  /** The ways buyers may pay: all three unless the organizer unticks some. */
  paymentMethods: PaymentMethod[];
  sections: SectionDraft[];
}

/** The venue time zones the form offers, Nepal's first. */
export const TIME_ZONES: readonly string[] = [
  'Asia/Kathmandu',
  ...Intl.supportedValuesOf('timeZone').filter((zone) => zone !== 'Asia/Katmandu' && zone !== 'Asia/Kathmandu'),
];

export type DraftErrors = Record<string, string>;

/** Why a concert that offers no way to pay is refused. */
export function noWayToPay(): string {
  return i18n.t('organizer.errors.noWayToPay');
}

/** A section as the organizer's form names it: "Front Row", "VIP", "General Admission". */
export function sectionLabel(section: Section): string {
  return i18n.t(`seatMap.sections.${section}`);
}
export const MAX_ROWS = 1000;
export const MAX_SEATS_PER_ROW = 1000;
export const MAX_VENUE_SEATS = 100_000;

export function emptyDraft(): ConcertDraft {
  const section = (s: Section, price: string, rowCount: string, seatsPerRow: string): SectionDraft => ({
    section: s,
    enabled: true,
    name: sectionLabel(s),
    price,
    rowCount,
    seatsPerRow,
    overrides: {},
  });
  return {
    title: '',
    artist: '',
    date: '',
    time: '19:00',
    venue: '',
    city: '',
    description: '',
    timeZone: 'Asia/Kathmandu',
    paymentMethods: [...PAYMENT_METHODS],
    ...NO_WINDOW,
    sections: [
      section('front', '150.00', '1', '10'),
      section('vip', '100.00', '2', '12'),
      section('ga', '40.00', '4', '16'),
    ],
  };
}

function count(text: string, max: number): number | null {
  if (!/^\d+$/.test(text.trim())) return null;
  const value = Number(text);
  return value >= 1 && value <= max ? value : null;
}

/** Seats per row, row 1 first; rows that are not a valid number count as 0. */
export function rowSeats(section: SectionDraft): number[] {
  const rows = count(section.rowCount, MAX_ROWS) ?? 0;
  return Array.from(
    { length: rows },
    (_, index) => count(section.overrides[index + 1] ?? section.seatsPerRow, MAX_SEATS_PER_ROW) ?? 0,
  );
}

export function sectionSeats(section: SectionDraft): number {
  return section.enabled ? rowSeats(section).reduce((sum, seats) => sum + seats, 0) : 0;
}

export function totalSeats(draft: ConcertDraft): number {
  return draft.sections.reduce((sum, section) => sum + sectionSeats(section), 0);
}

const PRICE = /^\d{1,7}(\.\d{1,2})?$/;

function sectionErrors(section: SectionDraft, errors: DraftErrors) {
  const key = section.section;
  const name = section.name.trim();
  if (!name) errors[`${key}.name`] = i18n.t('organizer.errors.sectionName');
  else if (name.length > 60) errors[`${key}.name`] = i18n.t('organizer.errors.sectionNameLong');
  if (!PRICE.test(section.price.trim())) errors[`${key}.price`] = i18n.t('organizer.errors.price');
  if (count(section.rowCount, MAX_ROWS) === null) {
    errors[`${key}.rowCount`] = i18n.t('organizer.errors.rows', { max: formatDigits(MAX_ROWS) });
  }
  if (count(section.seatsPerRow, MAX_SEATS_PER_ROW) === null)
    errors[`${key}.seatsPerRow`] = i18n.t('organizer.errors.seats', { max: formatDigits(MAX_SEATS_PER_ROW) });
  const badRow = Object.entries(section.overrides).find(
    ([row, seats]) => Number(row) <= rowSeats(section).length && count(seats, MAX_SEATS_PER_ROW) === null,
  );
  if (badRow) {
    errors[`${key}.rows`] = i18n.t('organizer.errors.row', {
      row: formatDigits(badRow[0]),
      max: formatDigits(MAX_SEATS_PER_ROW),
    });
  }
}

/** Everything that stops the draft from being a concert the API accepts, by field. */
export function draftErrors(draft: ConcertDraft): DraftErrors {
  const errors: DraftErrors = {};
  for (const field of ['title', 'artist', 'venue', 'city'] as const) {
    if (!draft[field].trim()) errors[field] = i18n.t('organizer.errors.needed');
  }
  if (!/^\d{4}-\d{2}-\d{2}$/.test(draft.date)) errors.date = i18n.t('organizer.errors.date');
  if (!/^\d{2}:\d{2}$/.test(draft.time)) errors.time = i18n.t('organizer.errors.time');
  Object.assign(errors, windowErrors(draft, draft.timeZone));
  if (draft.paymentMethods.length === 0) errors.paymentMethods = noWayToPay();
  const enabled = draft.sections.filter((section) => section.enabled);
  if (enabled.length === 0) errors.layout = i18n.t('organizer.errors.noSection');
  enabled.forEach((section) => sectionErrors(section, errors));
  const total = totalSeats(draft);
  if (total > MAX_VENUE_SEATS) errors.layout = i18n.t('organizer.errors.tooManySeats', { max: MAX_VENUE_SEATS, total });
  return errors;
}

/** The draft as the API's new concert, with its layout: one tier per enabled section. */
export function toNewConcert(draft: ConcertDraft): NewConcert {
  return {
    title: draft.title.trim(),
    artist: draft.artist.trim(),
    date: draft.date,
    time: `${draft.time}:00`,
    venue: draft.venue.trim(),
    city: draft.city.trim(),
    description: draft.description.trim(),
    timeZone: draft.timeZone,
    paymentMethods: draft.paymentMethods,
    ...windowInstants(draft, draft.timeZone),
    tiers: draft.sections
      .filter((section) => section.enabled)
      .map((section) => ({
        name: section.name.trim(),
        section: section.section,
        price: Number(section.price).toFixed(2),
        rows: rowSeats(section).map((seats, index) => ({ row: index + 1, seats })),
      })),
  };
}

/** The enabled sections as the seat map preview draws them. */
export function previewSections(draft: ConcertDraft) {
  return draft.sections
    .filter((section) => section.enabled)
    .map((section) => ({
      section: section.section,
      name: section.name.trim() || sectionLabel(section.section),
      price: section.price,
      rows: rowSeats(section),
    }));
}

export type PreviewSection = ReturnType<typeof previewSections>[number];
