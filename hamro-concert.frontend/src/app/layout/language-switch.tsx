import { LANGUAGES, isLanguage } from 'hamro-concert.contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { LANGUAGE_NAMES, switchLanguage } from '../../i18n/i18n';
import { rememberLanguage } from '../../i18n/preferred-language';
import { useLanguage } from '../../i18n/use-language';
import styles from './app-layout.module.css';

/** Nepali or English for the whole app, remembered on this browser for the next visit. */
export function LanguageSwitch() {
  const { t } = useTranslation();
  const language = useLanguage();
  const id = useId();
  return (
    <div className={styles.language}>
      <label htmlFor={id}>{t('layout.language')}</label>
      <select
        id={id}
        value={language}
        onChange={(event) => {
          const chosen = event.target.value;
          if (!isLanguage(chosen)) return;
          rememberLanguage(chosen);
          void switchLanguage(chosen);
        }}
      >
        {LANGUAGES.map((option) => (
          <option key={option} value={option} lang={option}>
            {LANGUAGE_NAMES[option]}
          </option>
        ))}
      </select>
    </div>
  );
}
