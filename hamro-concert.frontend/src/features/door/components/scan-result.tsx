import type { ScanOutcome } from '../lib/scan-outcome';
import styles from './door.module.css';
import { Trans, useTranslation } from 'react-i18next';

const ICONS = { admitted: '✓', used: '!', refused: '✕' } as const;

/** The big answer after a scan: colour, icon and words say the same thing. */
export function ScanResult({ outcome, code }: { outcome: ScanOutcome; code: string }) {
  useTranslation();
  return (
    <div className={`${styles.result} ${styles[outcome.tone]}`} data-testid="scan-result" data-tone={outcome.tone}>
      <span className={styles.icon} aria-hidden="true">
        {ICONS[outcome.tone]}
      </span>
      <div className={styles.resultText}>
        <h2 className={styles.headline}>{outcome.headline}</h2>
        {outcome.lines.map((line) => (
          <p key={line} className={styles.line}>
            {line}
          </p>
        ))}
        <p className={styles.scanned}>
          <Trans i18nKey="door.code" values={{ code }} components={{ code: <code /> }} />
        </p>
      </div>
    </div>
  );
}
