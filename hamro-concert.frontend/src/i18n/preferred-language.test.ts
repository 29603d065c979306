import { afterEach, describe, expect, it, vi } from 'vitest';
import { preferredLanguage, rememberLanguage } from './preferred-language';

function browserLanguages(languages: string[]) {
  vi.spyOn(navigator, 'languages', 'get').mockReturnValue(languages);
}

afterEach(() => localStorage.clear());

describe('the language the app starts in', () => {
  it("is the first of the browser's languages that the app speaks", () => {
    browserLanguages(['ne-NP', 'en-US']);
    expect(preferredLanguage()).toBe('ne');
    browserLanguages(['de-DE', 'ne']);
    expect(preferredLanguage()).toBe('ne');
    browserLanguages(['en-GB', 'ne-NP']);
    expect(preferredLanguage()).toBe('en');
  });

  it('is English when the browser speaks none of them', () => {
    browserLanguages(['de-DE', 'fr']);
    expect(preferredLanguage()).toBe('en');
  });

  it("is the visitor's own choice once they made one, whatever the browser says", () => {
    browserLanguages(['ne-NP']);
    rememberLanguage('en');
    expect(preferredLanguage()).toBe('en');
  });
});
