import { isLanguage, type Language } from 'hamro-concert.contracts';
import { useTranslation } from 'react-i18next';

/** The language the app speaks now; the component renders again when it changes. */
export function useLanguage(): Language {
  const { i18n } = useTranslation();
  return isLanguage(i18n.language) ? i18n.language : 'en';
}
