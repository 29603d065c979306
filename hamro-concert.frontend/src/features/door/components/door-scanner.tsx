import type { Admission } from 'hamro-concert.contracts';
import { useRef, useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { useCheckIn } from '../api/check-in';
import { admittedOutcome, refusedOutcome, type ScanOutcome } from '../lib/scan-outcome';
import { CollectCash } from './collect-cash';
import styles from './door.module.css';
import { ScanResult } from './scan-result';
import { useTranslation } from 'react-i18next';

interface DoorScannerProps {
  token: string;
  /** The concert being admitted. */
  concertId: string;
  /** A failed check-in: returns true when it was the staff token that was refused. */
  onAccessRefused: (error: unknown) => boolean;
}

/** The last scan: what the door shows, and the cash to take when the booking pays at the door. */
interface Scan {
  outcome: ScanOutcome;
  code: string;
  collect: Admission['collect'];
  /** Counts the scans, so a new one starts its cash panel afresh. */
  seq: number;
}

/**
 * Type or paste (or scan into) a ticket code; Enter checks it in and readies the field for the next.
 * A ticket of a booking paid at the door also asks for its cash, and records it.
 */
export function DoorScanner({ token, concertId, onAccessRefused }: DoorScannerProps) {
  const { t } = useTranslation();
  const input = useRef<HTMLInputElement>(null);
  const [code, setCode] = useState('');
  const [last, setLast] = useState<Scan | null>(null);
  const scans = useRef(0);
  const checkIn = useCheckIn({
    onSuccess: (admission, request) =>
      setLast({
        outcome: admittedOutcome(admission),
        code: request.code,
        collect: admission.collect,
        seq: ++scans.current,
      }),
    onError: (error, request) => {
      if (!onAccessRefused(error))
        setLast({ outcome: refusedOutcome(error), code: request.code, collect: null, seq: ++scans.current });
    },
    onSettled: () => {
      setCode('');
      input.current?.focus();
    },
  });

  function submit(event: FormEvent) {
    event.preventDefault();
    const value = code.replace(/\s+/g, '').toLowerCase();
    if (!value || checkIn.isPending) return;
    checkIn.mutate({ code: value, concertId, token });
  }

  return (
    <div className={styles.scanner}>
      <form className={styles.form} onSubmit={submit}>
        <label className={styles.label} htmlFor="ticket-code">
          {t('door.ticketCode')}
        </label>
        <input
          ref={input}
          id="ticket-code"
          className={styles.input}
          value={code}
          onChange={(event) => setCode(event.target.value)}
          autoFocus
          autoComplete="off"
          autoCapitalize="off"
          spellCheck={false}
          placeholder={t('door.codePlaceholder')}
          aria-describedby="ticket-code-help"
        />
        <p id="ticket-code-help" className={styles.help}>
          {t('door.codeHelp')}
        </p>
        <Button type="submit" block disabled={checkIn.isPending}>
          {checkIn.isPending ? t('door.checking') : t('door.checkIn')}
        </Button>
      </form>
      <div role="status" aria-live="assertive" aria-atomic="true">
        {last ? <ScanResult outcome={last.outcome} code={last.code} /> : null}
      </div>
      {last?.collect ? (
        <CollectCash
          key={last.seq}
          collect={last.collect}
          token={token}
          onAccessRefused={onAccessRefused}
          onRecorded={() => input.current?.focus()}
        />
      ) : null}
    </div>
  );
}
