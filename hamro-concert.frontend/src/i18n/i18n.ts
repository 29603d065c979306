/**
 * The words of the web app in English and Nepali, through i18next. English is in the main bundle;
 * the Nepali catalog is loaded the first time it is needed, and the app waits for it before it
 * shows anything, so a Nepali visitor never sees English first.
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { isLanguage, LANGUAGES, type Language } from 'hamro-concert.contracts';
import { en, type Catalog } from './en';
import { formatNumber } from './numbers';

export const i18n = i18next.createInstance();

void i18n.use(initReactI18next).init({
  lng: 'en',
  fallbackLng: 'en',
  supportedLngs: [...LANGUAGES],
  resources: { en: { translation: en } },
  // React escapes what it renders.
  interpolation: { escapeValue: false },
  initAsync: false,
});

// {{count, number}} in Nepali has Devanagari digits in every browser, whatever Intl data it carries.
i18n.services.formatter?.add('number', (value: unknown, lng: string | undefined) =>
  typeof value === 'number' ? formatNumber(value, isLanguage(lng) ? lng : 'en') : String(value),
);

const loaders: Record<Language, () => Promise<Catalog>> = {
  en: () => Promise.resolve(en),
  ne: () => import('./ne').then((module) => module.ne),
};

/** The language the app speaks now. */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'en';
}

/** Switches the app to `language`, loading its catalog first; `<html lang>` follows. */
export async function switchLanguage(language: Language): Promise<void> {
  if (!i18n.hasResourceBundle(language, 'translation')) {
    i18n.addResourceBundle(language, 'translation', await loaders[language]());
  }
  await i18n.changeLanguage(language);
  document.documentElement.lang = language;
}

/** Each language by its own name, as the language switch offers it. */
export const LANGUAGE_NAMES: Record<Language, string> = { en: 'English', ne: 'नेपाली' };
