import type { ReactNode } from 'react';
import styles from './message-panel.module.css';

interface MessagePanelProps {
  tone: 'error' | 'empty';
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  headingLevel?: 2 | 3;
}

/** A centred message for empty lists and failed requests, with an optional action below. */
export function MessagePanel({ tone, title, children, action, headingLevel = 2 }: MessagePanelProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <div className={`${styles.panel} ${styles[tone]}`} role={tone === 'error' ? 'alert' : undefined}>
      <span className={styles.icon} aria-hidden="true">
        {tone === 'error' ? '!' : '♪'}
      </span>
      <Heading className={styles.title}>{title}</Heading>
      {children ? <div className={styles.body}>{children}</div> : null}
      {action}
    </div>
  );
}
