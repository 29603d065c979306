import bikramSambat from 'bikram-sambat';
import { formatBikramSambat, toBikramSambat } from 'hamro-concert.contracts';
import { describe, expect, it } from 'vitest';

/**
 * Days whose Bikram Sambat date is known: new years (mid-April), the Gregorian new year, the last
 * day of a year and of months, Asar's 32nd, a 29-day Mangsir, a Gregorian leap day. Each is checked
 * against a second converter with its own table (bikram-sambat), and the weekday against JavaScript's Date.
 */
const KNOWN: readonly [gregorian: string, year: number, month: number, day: number][] = [
  ['1943-04-14', 2000, 1, 1], // the first day of the calendar's table
  ['2000-01-01', 2056, 9, 17], // Gregorian new year 2000: Poush 17, 2056
  ['2023-04-14', 2080, 1, 1], // BS new year 2080
  ['2024-02-29', 2080, 11, 17], // a Gregorian leap day
  ['2024-04-12', 2080, 12, 30], // the last day of 2080
  ['2024-04-13', 2081, 1, 1], // BS new year 2081, a day earlier than most years
  ['2025-04-14', 2082, 1, 1], // BS new year 2082
  ['2025-12-16', 2082, 9, 1], // Poush 1
  ['2026-01-01', 2082, 9, 17], // Gregorian new year 2026
  ['2026-04-13', 2082, 12, 30], // the last day of 2082
  ['2026-04-14', 2083, 1, 1], // BS new year 2083
  ['2026-07-16', 2083, 3, 32], // Asar 32: a 32-day month's last day
  ['2026-07-17', 2083, 4, 1], // Shrawan 1, the next day
  ['2026-12-15', 2083, 8, 29], // Mangsir 29: a 29-day month's last day
  ['2026-12-16', 2083, 9, 1],
  ['2027-01-06', 2083, 9, 22],
  ['2027-04-13', 2083, 12, 30], // the last day of 2083
];

describe('the Bikram Sambat calendar', () => {
  it.each(KNOWN)('%s is %i-%i-%i BS, as a second converter says, on the same weekday', (date, year, month, day) => {
    const bs = toBikramSambat(date);
    expect(bs).toEqual({ year, month, day, weekday: new Date(`${date}T00:00:00Z`).getUTCDay() });
    expect(bikramSambat.toBik(date)).toEqual({ year, month, day });
  });

  it('writes a date as posters in Nepal print it, in Nepali and in English', () => {
    expect(formatBikramSambat('2027-01-06', 'ne')).toBe('२०८३ पुस २२, बुधबार');
    expect(formatBikramSambat('2027-01-06', 'en')).toBe('Poush 22, 2083 BS (Wednesday)');
    expect(formatBikramSambat('2026-04-14', 'ne')).toBe('२०८३ बैशाख १, मंगलबार');
    expect(formatBikramSambat('2026-07-16', 'en')).toBe('Asar 32, 2083 BS (Thursday)');
  });

  it('refuses what is not a date', () => {
    expect(() => toBikramSambat('14 April 2026')).toThrow(RangeError);
  });
});
