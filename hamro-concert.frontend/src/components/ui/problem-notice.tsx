import type { ReactNode } from 'react';
import styles from './problem-notice.module.css';

interface ProblemNoticeProps {
  title?: string;
  children: ReactNode;
}

/** Something did not go through: announced at once, with an optional bold title above the details. */
export function ProblemNotice({ title, children }: ProblemNoticeProps) {
  return (
    <div className={styles.problem} role="alert">
      {title ? <p className={styles.title}>{title}</p> : null}
      {children}
    </div>
  );
}
