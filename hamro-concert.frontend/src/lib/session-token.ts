import { useState } from 'react';
import { ApiError } from './api-client';
import { i18n } from '../i18n/i18n';

function read(key: string): string | null {
  try {
    return window.sessionStorage.getItem(key);
  } catch {
    return null;
  }
}

/**
 * A staff token kept only in this tab's session storage: gone when the tab closes, never in
 * localStorage or the URL.
 */
export function useSessionToken(key: string) {
  const [token, setToken] = useState<string | null>(() => read(key));
  return {
    token,
    save(value: string) {
      window.sessionStorage.setItem(key, value);
      setToken(value);
    },
    forget() {
      window.sessionStorage.removeItem(key);
      setToken(null);
    },
  };
}

/** The API refused the token: none sent (401), a wrong one, or access switched off (403). */
export function isAccessRefused(error: unknown): error is ApiError {
  return error instanceof ApiError && (error.status === 401 || error.status === 403);
}

/** Why the API refused a token, in words for the person at the keyboard. */
export function refusalMessage(error: ApiError): string {
  switch (error.code) {
    case 'admin-access-disabled':
    case 'staff-access-disabled':
      return i18n.t('access.disabled');
    case 'unauthorized':
      return i18n.t('access.again');
    default:
      return i18n.t('access.refused');
  }
}
