import { describe, expect, it } from 'vitest';
import { en } from './en';
import { ne } from './ne';

/** Every string of a catalog by its dotted key. */
function flatten(catalog: object, prefix = ''): Map<string, string> {
  const entries = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') entries.set(path, value);
    else for (const [inner, text] of flatten(value as object, path)) entries.set(inner, text);
  }
  return entries;
}

/** What a string needs filled in or wrapped: its {{placeholders}} and <tags>, in any order. */
function slots(text: string): string[] {
  return [...text.matchAll(/\{\{\s*(\w+)[^}]*\}\}|<\/?(\w+)>/g)].map((match) => match[0].replace(/\s/g, '')).sort();
}

describe('the catalogs', () => {
  const english = flatten(en);
  const nepali = flatten(ne);

  it('have the same keys in Nepali as in English', () => {
    expect([...nepali.keys()].sort()).toEqual([...english.keys()].sort());
  });

  it('fill in the same values and wrap the same tags in both languages', () => {
    for (const [key, text] of english) expect([key, slots(nepali.get(key) ?? '')]).toEqual([key, slots(text)]);
  });

  it('write Nepali in Devanagari: no Nepali string is left in English', () => {
    // Patterns made only of values and punctuation, the same in both languages.
    const patterns = [
      'common.pageTitle',
      'seatMap.seatLabel',
      'seatMap.blockName',
      'payment.words.attempt',
      'payment.words.refundedAmount',
    ];
    const latinOnly = [...nepali]
      .filter(([key]) => !patterns.includes(key))
      .filter(([, text]) => !/\p{Script=Devanagari}/u.test(text.replace(/\{\{[^}]*\}\}/g, '')));
    expect(latinOnly).toEqual([]);
  });
});
