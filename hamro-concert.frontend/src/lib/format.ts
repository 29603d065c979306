/**
 * Formatting at the edges: money is handled in integer cents and shown in the concert's currency
 * for the buyer's own locale; concert dates are calendar dates and wall-clock times at the venue,
 * so no time zone is applied to them (the venue's zone is named after them).
 */
import { formatBikramSambat, wallClockAt, type Language } from 'hamro-concert.contracts';
import { currentLanguage, i18n } from '../i18n/i18n';

/** The locale each language formats numbers and dates in; English keeps the browser's for money. */
const LOCALES: Record<Language, { money: string | undefined; date: string; time: string; count: string }> = {
  en: { money: undefined, date: 'en-GB', time: 'en-US', count: 'en' },
  ne: { money: 'ne-NP', date: 'ne-NP', time: 'ne-NP', count: 'ne-NP' },
};

/** One formatter per language and options, made once. */
function cached<T>(make: (language: Language) => T): () => T {
  const made = new Map<Language, T>();
  return () => {
    const language = currentLanguage();
    let format = made.get(language);
    if (format === undefined) {
      format = make(language);
      made.set(language, format);
    }
    return format;
  };
}

/** "100.00" → 10000. Amounts from the API are plain decimals with two places. */
export function toCents(amount: string): number {
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(amount.trim());
  if (!match) return 0;
  return Number(match[1]) * 100 + Number((match[2] ?? '0').padEnd(2, '0'));
}

/** The currency of concerts created without one (the API's CURRENCY out of the box). */
export const DEFAULT_CURRENCY = 'NPR';

const moneyFormats = new Map<string, Intl.NumberFormat>();

function moneyFormat(currency: string): Intl.NumberFormat {
  const language = currentLanguage();
  const key = `${language} ${currency}`;
  let format = moneyFormats.get(key);
  if (!format) {
    const locale = LOCALES[language].money;
    try {
      // "NPR 1,000.00" in English, "नेरू १,०००.००" in Nepali.
      format = new Intl.NumberFormat(locale, { style: 'currency', currency });
    } catch {
      format = new Intl.NumberFormat(locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
    }
    moneyFormats.set(key, format);
  }
  return format;
}

/** (21000, "NPR") → "NPR 210.00" (in an English locale) */
export function formatCents(cents: number, currency: string): string {
  return moneyFormat(currency).format(cents / 100);
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

const dateParts = cached(
  (language) =>
    new Intl.DateTimeFormat(LOCALES[language].date, {
      weekday: language === 'ne' ? 'long' : 'short',
      day: 'numeric',
      month: language === 'ne' ? 'long' : 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }),
);
const timeParts = cached(
  (language) =>
    new Intl.DateTimeFormat(LOCALES[language].time, {
      hour: 'numeric',
      minute: '2-digit',
      hour12: language === 'en',
      timeZone: 'UTC',
    }),
);

function part(parts: Intl.DateTimeFormatPart[], type: Intl.DateTimeFormatPartTypes): string {
  return parts.find((p) => p.type === type)?.value ?? '';
}

/**
 * ("2026-03-15", "19:00:00") → "Sun, 15 Mar 2026 · 7:00 PM", the venue's own wall clock; with the
 * venue's time zone, its name follows: "Sun, 15 Mar 2026 · 7:00 PM Nepal Time".
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

/** "Nepal Time", "Eastern Standard Time": what the venue's clock is called on that day. */
function zoneName(timeZone: string, date: string, time: string): string {
  try {
    const thatDay = new Date(`${date}T${time.slice(0, 8)}Z`);
    const locale = LOCALES[currentLanguage()].time;
    const parts = new Intl.DateTimeFormat(locale, { timeZone, timeZoneName: 'long' }).formatToParts(thatDay);
    return part(parts, 'timeZoneName');
  } catch {
    return timeZone;
  }
}

function formatWallClock(date: string, time: string): string {
  const instant = new Date(`${date}T${time.slice(0, 8)}Z`);
  if (Number.isNaN(instant.getTime())) return `${date} ${time.slice(0, 5)}`;
  if (currentLanguage() === 'ne') {
    // "२०२६ मार्च १४, शनिबार · १९:००", as Intl writes a date in Nepali.
    return `${dateParts().format(instant)} · ${timeParts().format(instant)}`;
  }
  const d = dateParts().formatToParts(instant);
  const t = timeParts().formatToParts(instant);
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

const counts = cached((language) => new Intl.NumberFormat(LOCALES[language].count));

/** "50,000" ("५०,०००" in Nepali): whole numbers with thousands grouped, as a stadium's counts need. */
export function formatCount(count: number): string {
  return counts().format(count);
}

/** Digits in the language's own script, ungrouped: a row or seat number, "12" or "१२". */
export function formatDigits(value: string | number): string {
  return currentLanguage() === 'ne'
    ? String(value).replace(/\d/g, (digit) => '०१२३४५६७८९'[Number(digit)] ?? digit)
    : String(value);
}

const timeOfDay = cached(
  (language) =>
    new Intl.DateTimeFormat(LOCALES[language].date, { hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }),
);

/** An instant as the buyer's own clock shows it: "14:35". For deadlines minutes away, such as paying. */
export function formatTimeOfDay(instant: string): string {
  return timeOfDay().format(new Date(instant));
}

const dateTimes = {
  short: cached(
    (language) => new Intl.DateTimeFormat(LOCALES[language].date, { dateStyle: 'medium', timeStyle: 'short' }),
  ),
  medium: cached(
    (language) => new Intl.DateTimeFormat(LOCALES[language].date, { dateStyle: 'medium', timeStyle: 'medium' }),
  ),
};

/**
 * An instant as the visitor's own clock shows it, with its day: "3 Mar 2026, 14:21" (with seconds when
 * `time` is "medium", as the door tells when a ticket was first scanned).
 */
export function formatDateTime(instant: string, time: 'short' | 'medium' = 'short'): string {
  return dateTimes[time]().format(new Date(instant));
}
