import 'i18next';
import type { Catalog } from './en';

// Keys are checked at compile time: t('concerts.soldOut') exists in the catalogs, a typo does not compile.
declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Catalog };
  }
}
