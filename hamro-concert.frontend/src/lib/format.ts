/**
 * Formatting at the edges, in the app's language: money is handled in integer cents and shown in
 * the concert's currency; concert dates are calendar dates and wall-clock times at the venue, so no
 * time zone is applied to them (the venue's zone is named after them). English keeps its formats;
 * Nepali's are spelt out in nepali-format.ts.
 */
import { formatBikramSambat, wallClockAt } from 'hamro-concert.contracts';
import { currentLanguage, i18n } from '../i18n/i18n';
import { devanagariDigits, formatNumber } from '../i18n/numbers';
import { nepaliDateTime, nepaliMoney, nepaliTimeOfDay, nepaliWallClock, nepaliZoneName } from './nepali-format';

/** "100.00" → 10000. Amounts from the API are plain decimals with two places. */
export function toCents(amount: string): number {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!match) return 0;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/** The currency of concerts created without one (the API's CURRENCY out of the box). */
export const DEFAULT_CURRENCY = 'NPR';

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** "NPR 1,000.00" in English. */
function englishMoney(amount: number, currency: string): string {
  let format = moneyFormats.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat('en', { style: 'currency', currency });
    } catch {
      format = new Intl.NumberFormat('en', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    moneyFormats.set(currency, format);
  }
  return format.format(amount);
}

/** (21000, "NPR") → "NPR 210.00" in English, "नेरू २१०.००" in Nepali. */
export function formatCents(cents: number, currency: string): string {
  return currentLanguage() === 'ne' ? nepaliMoney(cents / 100, currency) : englishMoney(cents / 100, currency);
}

/** What priced seats cost together, in their currency: "NPR 10,000.00". */
export function formatTotal(seats: readonly { priceCents: number; currency: string }[]): string {
  const cents = seats.reduce((sum, seat) => sum + seat.priceCents, 0);
  return formatCents(cents, seats[0]?.currency ?? DEFAULT_CURRENCY);
}

/** "2 seats · NPR 10,000.00", as the selection and the checkout buttons say it. */
export function seatsAndTotal(seats: readonly { priceCents: number; currency: string }[]): string {
  return `${i18n.t('common.seatCount', { count: seats.length })} · ${formatTotal(seats)}`;
}

/** ("210.00", "NPR") → "NPR 210.00" */
export function formatMoney(amount: string, currency: string): string {
  return formatCents(toCents(amount), currency);
}

const dateParts = new Intl.DateTimeFormat('en-GB', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});
const timeParts = new Intl.DateTimeFormat('en-US', {
  hour: 'numeric',
  minute: '2-digit',
  hour12: true,
  timeZone: 'UTC',
});

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((p) => p.type === type)?.value ?? '';
}

/**
 * ("2026-03-15", "19:00:00") → "Sun, 15 Mar 2026 · 7:00 PM", the venue's own wall clock; with the
 * venue's time zone, its name follows: "Sun, 15 Mar 2026 · 7:00 PM Nepal Time". In Nepali:
 * "२०२६ मार्च १५, आइतबार · १९:०० नेपाली समय".
 */
export function formatConcertDate(date: string, time: string, timeZone?: string): string {
  const when = formatWallClock(date, time);
  const zone = timeZone ? zoneName(timeZone, date, time) : '';
  return zone ? `${when} ${zone}` : when;
}

/**
 * An instant, such as the opening of sales, as the venue's clock reads it with the clock's name:
 * ("2027-02-01T04:15:00.000Z", "Asia/Kathmandu") → "Mon, 1 Feb 2027 · 10:00 AM Nepal Time".
 */
export function formatVenueInstant(instant: string, timeZone: string): string {
  try {
    const { date, time } = wallClockAt(Date.parse(instant), timeZone);
    return formatConcertDate(date, time, timeZone);
  } catch {
    return new Date(instant).toUTCString();
  }
}

/** "Nepal Time", "Eastern Standard Time" ("नेपाली समय"): what the venue's clock is called on that day. */
function zoneName(timeZone: string, date: string, time: string): string {
  try {
    const thatDay = new Date(`${date}T${time.slice(0, 8)}Z`);
    if (currentLanguage() === 'ne') return nepaliZoneName(timeZone, thatDay);
    const parts = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'long' }).formatToParts(thatDay);
    return part(parts, 'timeZoneName');
  } catch {
    return timeZone;
  }
}

function formatWallClock(date: string, time: string): string {
  const instant = new Date(`${date}T${time.slice(0, 8)}Z`);
  if (Number.isNaN(instant.getTime())) return `${date} ${time.slice(0, 5)}`;
  if (currentLanguage() === 'ne') return nepaliWallClock(date, time);
  const d = dateParts.formatToParts(instant);
  const t = timeParts.formatToParts(instant);
  const day = `${part(d, 'weekday')}, ${part(d, 'day')} ${part(d, 'month')} ${part(d, 'year')}`;
  const clock = `${part(t, 'hour')}:${part(t, 'minute')} ${part(t, 'dayPeriod').toUpperCase()}`;
  return `${day} · ${clock}`;
}

/**
 * A concert's day in Bikram Sambat, as posters in Nepal print it: "२०८३ पुस २२, बुधबार" in Nepali,
 * "Poush 22, 2083 BS (Wednesday)" in English; "" for a day outside the calendar's table.
 */
export function formatConcertDayBs(date: string): string {
  try {
    return formatBikramSambat(date, currentLanguage());
  } catch {
    return '';
  }
}

/** "50,000" ("५०,०००" in Nepali): whole numbers with thousands grouped, as a stadium's counts need. */
export function formatCount(count: number): string {
  return formatNumber(count, currentLanguage());
}

/** Digits in the language's own script, ungrouped: a row or seat number, "12" or "१२". */
export function formatDigits(value: string | number): string {
  return currentLanguage() === 'ne' ? devanagariDigits(value) : String(value);
}

const timeOfDay = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** An instant as the buyer's own clock shows it: "14:35". For deadlines minutes away, such as paying. */
export function formatTimeOfDay(instant: string): string {
  return currentLanguage() === 'ne' ? nepaliTimeOfDay(new Date(instant)) : timeOfDay.format(new Date(instant));
}

const dateTimes = {
  short: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'short' }),
  medium: new Intl.DateTimeFormat('en-GB', { dateStyle: 'medium', timeStyle: 'medium' }),
};

/**
 * An instant as the visitor's own clock shows it, with its day: "3 Mar 2026, 14:21" (with seconds when
 * `time` is "medium", as the door tells when a ticket was first scanned).
 */
export function formatDateTime(instant: string, time: 'short' | 'medium' = 'short'): string {
  const at = new Date(instant);
  return currentLanguage() === 'ne' ? nepaliDateTime(at, time === 'medium') : dateTimes[time].format(at);
}
