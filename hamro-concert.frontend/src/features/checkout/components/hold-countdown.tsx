import { useEffect, useRef, useState } from 'react';
import { formatClock, secondsLeft } from '../../../lib/countdown';
import { countdownAnnouncement } from '../lib/countdown';
import styles from './hold.module.css';
import { useTranslation } from 'react-i18next';
import { formatDigits } from '../../../lib/format';

interface HoldCountdownProps {
  /** When the hold ends, as the API gave it (ISO date-time). */
  expiresAt: string;
  onExpire: () => void;
}

/**
 * How long the seats stay held, as mm:ss. The clock itself is not a live region; a separate,
 * visually hidden one speaks once when a minute is left.
 */
export function HoldCountdown({ expiresAt, onExpire }: HoldCountdownProps) {
  const { t } = useTranslation();
  const deadline = Date.parse(expiresAt);
  const [now, setNow] = useState(() => Date.now());
  const expire = useRef(onExpire);

  useEffect(() => {
    expire.current = onExpire;
  }, [onExpire]);

  useEffect(() => {
    const timer = window.setInterval(() => {
      const current = Date.now();
      setNow(current);
      if (current >= deadline) {
        window.clearInterval(timer);
        expire.current();
      }
    }, 250);
    return () => window.clearInterval(timer);
  }, [deadline]);

  const left = secondsLeft(deadline, now);
  const urgent = left <= 60;
  return (
    <div className={`${styles.countdown} ${urgent ? styles.urgent : ''}`}>
      <svg className={styles.clock} viewBox="0 0 24 24" width="28" height="28" aria-hidden="true" focusable="false">
        <circle cx="12" cy="12" r="9" fill="none" stroke="currentColor" strokeWidth="2" />
        <path d="M12 7v5l3 2" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round" />
      </svg>
      <p className={styles.countdownText}>
        <span>{urgent ? t('checkout.heldForUrgent') : t('checkout.heldFor')}</span>
        <strong
          className={styles.clockFace}
          role="timer"
          aria-label={t('checkout.timeLeft', { time: formatDigits(formatClock(left)) })}
        >
          {formatDigits(formatClock(left))}
        </strong>
      </p>
      <p className="visually-hidden" role="status">
        {countdownAnnouncement(left)}
      </p>
    </div>
  );
}
