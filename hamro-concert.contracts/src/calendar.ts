/**
 * The languages Hamro Concert speaks, and the Bikram Sambat (BS) calendar that Nepal prints its
 * concert posters in. A BS month is 29 to 32 days long, fixed each year by the calendar committee,
 * so converting needs a table: it comes from nepali-date-converter (BS 2000 to 2099), the one
 * dependency here besides zod. The API words its emails with these same functions as the web app.
 */
// eslint-disable-next-line no-restricted-imports -- the calendar's table of month lengths is pure data with no dependencies of its own
import converter from 'nepali-date-converter';

export const LANGUAGES = ['en', 'ne'] as const;
export type Language = (typeof LANGUAGES)[number];

export function isLanguage(value: unknown): value is Language {
  return (LANGUAGES as readonly unknown[]).includes(value);
}

/** A day of the Bikram Sambat calendar: month 1 is Baishakh; weekday 0 is Sunday. */
export interface BikramSambatDate {
  year: number;
  month: number;
  day: number;
  weekday: number;
}

type NepaliDateClass = typeof converter.default;

// Node loads the package's CommonJS build, whose `default` is the class; bundlers load its ES build,
// whose default export is the class itself.
const NepaliDate: NepaliDateClass =
  'default' in converter ? converter.default : (converter as unknown as NepaliDateClass);

/** "2026-12-26" → { year: 2083, month: 9, day: 11, weekday: 6 }: the same day in Bikram Sambat. */
export function toBikramSambat(isoDate: string): BikramSambatDate {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) throw new RangeError(`Not a date: ${isoDate}`);
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  // The converter reads the day off a Date's local calendar; noon keeps clear of any summer-time gap.
  const bs = new NepaliDate(new Date(year, month - 1, day, 12));
  return { year: bs.getYear(), month: bs.getMonth() + 1, day: bs.getDate(), weekday: bs.getDay() };
}

const MONTHS: Record<Language, readonly string[]> = {
  en: [
    'Baishakh',
    'Jestha',
    'Asar',
    'Shrawan',
    'Bhadra',
    'Asoj',
    'Kartik',
    'Mangsir',
    'Poush',
    'Magh',
    'Falgun',
    'Chaitra',
  ],
  ne: ['बैशाख', 'जेठ', 'असार', 'साउन', 'भदौ', 'असोज', 'कात्तिक', 'मंसिर', 'पुस', 'माघ', 'फागुन', 'चैत'],
};

const WEEKDAYS: Record<Language, readonly string[]> = {
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
  ne: ['आइतबार', 'सोमबार', 'मंगलबार', 'बुधबार', 'बिहीबार', 'शुक्रबार', 'शनिबार'],
};

const DEVANAGARI_DIGITS = '०१२३४५६७८९';

/** 2083 → "२०८३" */
function devanagari(value: number): string {
  return String(value).replace(/\d/g, (digit) => DEVANAGARI_DIGITS[Number(digit)] ?? digit);
}

/**
 * A concert's date as posters in Nepal print it: ("2027-01-06", "ne") → "२०८३ पुस २२, बुधबार",
 * ("2027-01-06", "en") → "Poush 22, 2083 BS (Wednesday)".
 */
export function formatBikramSambat(isoDate: string, language: Language): string {
  const { year, month, day, weekday } = toBikramSambat(isoDate);
  const monthName = MONTHS[language][month - 1] ?? '';
  const weekdayName = WEEKDAYS[language][weekday] ?? '';
  return language === 'ne'
    ? `${devanagari(year)} ${monthName} ${devanagari(day)}, ${weekdayName}`
    : `${monthName} ${day}, ${year} BS (${weekdayName})`;
}
