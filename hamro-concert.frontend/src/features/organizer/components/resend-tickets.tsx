import { bookingReferenceSchema } from 'hamro-concert.contracts';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { useResendTickets } from '../api/resend-tickets';
import styles from './organizer.module.css';

interface ResendTicketsProps {
  token: string;
  onAccessRefused: (error: unknown) => boolean;
}

/** A buyer who lost their tickets email asks the box office: the organizer sends it again by the booking's reference. */
export function ResendTickets({ token, onAccessRefused }: ResendTicketsProps) {
  const { t } = useTranslation();
  const [reference, setReference] = useState('');
  const [fieldError, setFieldError] = useState('');
  const [outcome, setOutcome] = useState<{ ok: boolean; text: string } | null>(null);
  const resend = useResendTickets();

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const parsed = bookingReferenceSchema.safeParse(reference);
    if (!parsed.success) {
      setFieldError(t('resend.invalidReference'));
      return;
    }
    setFieldError('');
    setOutcome(null);
    resend.mutate(
      { reference: parsed.data, token },
      {
        onSuccess: () => setOutcome({ ok: true, text: t('resend.sent', { reference: parsed.data }) }),
        onError: (error) => {
          if (onAccessRefused(error)) return;
          const code = error instanceof ApiError ? error.code : undefined;
          const text =
            code === 'booking-not-found'
              ? t('resend.notFound', { reference: parsed.data })
              : code === 'booking-not-confirmed'
                ? t('resend.notConfirmed', { reference: parsed.data })
                : errorMessage(error);
          setOutcome({ ok: false, text });
        },
      },
    );
  };

  return (
    <section className={styles.resend} aria-labelledby="resend-title">
      <h2 id="resend-title">{t('resend.title')}</h2>
      <p className={styles.muted}>{t('resend.intro')}</p>
      <form className={styles.resendForm} onSubmit={submit} noValidate>
        <TextField
          label={t('resend.label')}
          value={reference}
          onChange={(event) => setReference(event.target.value)}
          error={fieldError}
          autoComplete="off"
          spellCheck={false}
        />
        <Button type="submit" disabled={resend.isPending}>
          {resend.isPending ? t('resend.sending') : t('resend.submit')}
        </Button>
      </form>
      <div role="status">{outcome?.ok ? <p className={styles.done}>{outcome.text}</p> : null}</div>
      {outcome && !outcome.ok ? (
        <p className={styles.error} role="alert">
          {outcome.text}
        </p>
      ) : null}
    </section>
  );
}
