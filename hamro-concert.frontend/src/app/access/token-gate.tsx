import { useState, type FormEvent, type ReactNode } from 'react';
import { Button } from '../../components/ui/button';
import { TextField } from '../../components/ui/text-field';
import { errorMessage } from '../../lib/error-message';
import { isAccessRefused, refusalMessage, useSessionToken } from '../../lib/session-token';
import { useCheckAccess, type AccessRole } from './check-access';
import styles from './token-gate.module.css';
import { useTranslation } from 'react-i18next';

export interface StaffAccess {
  token: string;
  signOut: () => void;
  /** Call with a failed request: a 401/403 forgets the token and asks again. True if it was one. */
  refused: (error: unknown) => boolean;
}

interface TokenGateProps {
  /** What the token must open; it is checked with the API before it is kept. */
  role: AccessRole;
  storageKey: string;
  title: string;
  tokenLabel: string;
  intro: string;
  /** Forget anything fetched with the token. */
  onSignOut?: () => void;
  children: (access: StaffAccess) => ReactNode;
}

const MIN_TOKEN_LENGTH = 16;

/**
 * Asks for a staff token, checks it with the API, keeps it in this tab's session storage, and asks
 * again when refused.
 */
export function TokenGate({ role, storageKey, title, tokenLabel, intro, onSignOut, children }: TokenGateProps) {
  const { t } = useTranslation();
  const stored = useSessionToken(storageKey);
  const [entered, setEntered] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | undefined>(undefined);
  const check = useCheckAccess({
    onSuccess: (_data, request) => stored.save(request.token),
    onError: (failure) => {
      if (isAccessRefused(failure)) setError(refusalMessage(failure));
      else setMessage(errorMessage(failure));
    },
  });

  function signOut(notice: string | null) {
    stored.forget();
    setEntered('');
    setMessage(notice);
    onSignOut?.();
  }

  if (stored.token) {
    const token = stored.token;
    return children({
      token,
      signOut: () => signOut(t('access.signedOut')),
      refused: (failure) => {
        if (!isAccessRefused(failure)) return false;
        signOut(refusalMessage(failure));
        return true;
      },
    });
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = entered.trim();
    if (check.isPending) return;
    if (value.length < MIN_TOKEN_LENGTH) {
      setError(t('access.tooShort', { min: MIN_TOKEN_LENGTH }));
      return;
    }
    setError(undefined);
    setMessage(null);
    check.mutate({ role, token: value });
  }

  return (
    <section className={styles.gate} aria-labelledby="token-gate-title">
      <h1 id="token-gate-title" className={styles.title}>
        {title}
      </h1>
      <p className={styles.intro}>{intro}</p>
      {message ? (
        <p className={styles.message} role="alert">
          {message}
        </p>
      ) : null}
      <form className={styles.form} onSubmit={submit} noValidate>
        <TextField
          label={tokenLabel}
          type="password"
          autoComplete="current-password"
          value={entered}
          error={error}
          onChange={(event) => setEntered(event.target.value)}
          required
        />
        <Button type="submit" block disabled={check.isPending}>
          {check.isPending ? t('access.checking') : t('access.signIn')}
        </Button>
      </form>
      <p className={styles.note}>{t('access.note')}</p>
    </section>
  );
}
