import { isLanguage, type Language } from 'hamro-concert.contracts';

const STORAGE_KEY = 'hamro-concert.language';

/**
 * The language to start in: the visitor's own choice when they made one on this browser, else the
 * first of the browser's languages that the app speaks (ne, ne-NP → Nepali), else English.
 */
export function preferredLanguage(): Language {
  const chosen = readChoice();
  if (chosen) return chosen;
  for (const tag of navigator.languages ?? [navigator.language]) {
    const primary = tag.toLowerCase().split('-')[0];
    if (isLanguage(primary)) return primary;
  }
  return 'en';
}

/** Remembers the visitor's choice for their next visit. */
export function rememberLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Storage may be off (private browsing): the choice lasts for this visit only.
  }
}

function readChoice(): Language | null {
  try {
    const stored = localStorage.getItem(STORAGE_KEY);
    return isLanguage(stored) ? stored : null;
  } catch {
    return null;
  }
}
