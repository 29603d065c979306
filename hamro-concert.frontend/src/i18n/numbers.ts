import type { Language } from 'hamro-concert.contracts';

/**
 * Numbers in Nepali are written with Devanagari digits and grouped the South Asian way (१२,३४,५६७).
 * Browsers do not all carry Intl's data for `ne` (Chromium's falls back to Latin digits), so Nepali
 * numbers are formatted as en-IN, whose grouping is the same, with the Devanagari numbering system.
 */
export const NEPALI_NUMBERS = 'en-IN';

const counts = new Map<Language, Intl.NumberFormat>();

/** "50,000" in English, "५०,०००" in Nepali: whole numbers with thousands grouped. */
export function formatNumber(value: number, language: Language): string {
  let format = counts.get(language);
  if (!format) {
    format =
      language === 'ne'
        ? new Intl.NumberFormat(NEPALI_NUMBERS, { numberingSystem: 'deva' })
        : new Intl.NumberFormat('en');
    counts.set(language, format);
  }
  return format.format(value);
}

const DEVANAGARI_DIGITS = '०१२३४५६७८९';

/** "12" → "१२", "19:00" → "१९:००": each digit in Devanagari, nothing else changed. */
export function devanagariDigits(text: string | number): string {
  return String(text).replace(/\d/g, (digit) => DEVANAGARI_DIGITS[Number(digit)] ?? digit);
}
