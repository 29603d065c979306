/**
 * Money, dates and times in Nepali, spelt out here rather than left to Intl's `ne` data, which not
 * every browser carries (Chromium's does not: it writes "2026 M03 15, Sun" and "NPR 1,000.00").
 * Digits are Devanagari, NPR is "नेरू", dates read "२०२६ मार्च १४, शनिबार", times are on a 24-hour clock.
 */
import { devanagariDigits, NEPALI_NUMBERS } from '../i18n/numbers';

const MONTHS = ['जनवरी', 'फेब्रुअरी', 'मार्च', 'अप्रिल', 'मे', 'जुन', 'जुलाई', 'अगस्ट', 'सेप्टेम्बर', 'अक्टोबर', 'नोभेम्बर', 'डिसेम्बर'];
const WEEKDAYS = ['आइतबार', 'सोमबार', 'मंगलबार', 'बुधबार', 'बिहीबार', 'शुक्रबार', 'शनिबार'];

const moneyFormats = new Map<string, Intl.NumberFormat>();

/** (1234.5, "NPR") → "नेरू १,२३४.५०"; another currency keeps its own symbol: "$१,२३४.५०". */
export function nepaliMoney(amount: number, currency: string): string {
  let format = moneyFormats.get(currency);
  if (!format) {
    try {
      format = new Intl.NumberFormat(NEPALI_NUMBERS, { style: 'currency', currency, numberingSystem: 'deva' });
    } catch {
      format = new Intl.NumberFormat(NEPALI_NUMBERS, {
        minimumFractionDigits: 2,
        maximumFractionDigits: 2,
        numberingSystem: 'deva',
      });
    }
    moneyFormats.set(currency, format);
  }
  return format.format(amount).replace(/^NPR\s*/, 'नेरू ');
}

/** (2026, 3, 14, 6) → "२०२६ मार्च १४, शनिबार" */
export function nepaliDay(year: number, month: number, day: number, weekday: number): string {
  return `${devanagariDigits(year)} ${MONTHS[month - 1] ?? ''} ${devanagariDigits(day)}, ${WEEKDAYS[weekday] ?? ''}`;
}

/** A wall-clock date and time: ("2026-03-14", "19:00:00") → "२०२६ मार्च १४, शनिबार · १९:००". */
export function nepaliWallClock(date: string, time: string): string {
  const [year = 0, month = 1, day = 1] = date.split('-').map(Number);
  const weekday = new Date(`${date}T00:00:00Z`).getUTCDay();
  return `${nepaliDay(year, month, day, weekday)} · ${devanagariDigits(time.slice(0, 5))}`;
}

/** What the venue's clock is called: "नेपाली समय" for Nepal, else its offset ("GMT+५:४५"). */
export function nepaliZoneName(timeZone: string, at: Date): string {
  if (timeZone === 'Asia/Kathmandu' || timeZone === 'Asia/Katmandu') return 'नेपाली समय';
  const parts = new Intl.DateTimeFormat(NEPALI_NUMBERS, { timeZone, timeZoneName: 'shortOffset' }).formatToParts(at);
  return devanagariDigits(parts.find((part) => part.type === 'timeZoneName')?.value ?? timeZone);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** An instant on the visitor's own clock: "१४:३५", with seconds "१४:३५:०७". */
export function nepaliTimeOfDay(instant: Date, seconds = false): string {
  const clock = `${pad(instant.getHours())}:${pad(instant.getMinutes())}`;
  return devanagariDigits(seconds ? `${clock}:${pad(instant.getSeconds())}` : clock);
}

/** An instant on the visitor's own clock with its day: "२०२६ मार्च ३, मंगलबार, १४:२१". */
export function nepaliDateTime(instant: Date, seconds = false): string {
  const day = nepaliDay(instant.getFullYear(), instant.getMonth() + 1, instant.getDate(), instant.getDay());
  return `${day}, ${nepaliTimeOfDay(instant, seconds)}`;
}
