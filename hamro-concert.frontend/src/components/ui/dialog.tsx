import { useEffect, useRef, type KeyboardEvent, type ReactNode } from 'react';
import { createPortal } from 'react-dom';
import styles from './dialog.module.css';

const FOCUSABLE =
  'a[href], button:not([disabled]), input:not([disabled]), select, textarea, [tabindex]:not([tabindex="-1"])';

/** Class names for the usual inside of a dialog: `body` around it all, its `title` and its `actions`. */
export const dialogParts = { body: styles.body, title: styles.title, actions: styles.actions };

interface DialogProps {
  /** The id of the element that names the dialog (usually its heading). */
  labelledBy: string;
  describedBy?: string;
  onClose: () => void;
  /** Where focus goes on close when the element that had it before is gone or disabled. */
  fallbackFocus?: () => HTMLElement | null;
  children: ReactNode;
}

/**
 * A modal dialog: the page behind is inert, Tab cycles inside, Escape closes, and focus returns
 * to where it was when the dialog closes. Render it only while it is open.
 */
export function Dialog({ labelledBy, describedBy, onClose, fallbackFocus, children }: DialogProps) {
  const fallback = useRef(fallbackFocus);
  const panel = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const previous = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    const fallbackTarget = fallback.current;
    const appRoot = document.getElementById('root');
    appRoot?.setAttribute('inert', '');
    const first = panel.current?.querySelector<HTMLElement>('[data-autofocus]') ?? panel.current;
    first?.focus();
    return () => {
      appRoot?.removeAttribute('inert');
      const usable = previous && previous !== document.body && previous.isConnected && !previous.matches(':disabled');
      (usable ? previous : fallbackTarget?.())?.focus();
    };
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape') {
      event.stopPropagation();
      onClose();
      return;
    }
    if (event.key !== 'Tab' || !panel.current) return;
    const focusable = [...panel.current.querySelectorAll<HTMLElement>(FOCUSABLE)];
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) {
      event.preventDefault();
      return;
    }
    if (event.shiftKey && (document.activeElement === first || document.activeElement === panel.current)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && document.activeElement === last) {
      event.preventDefault();
      first.focus();
    }
  }

  return createPortal(
    <div className={styles.backdrop} onMouseDown={(event) => event.target === event.currentTarget && onClose()}>
      <div
        ref={panel}
        role="dialog"
        aria-modal="true"
        aria-labelledby={labelledBy}
        aria-describedby={describedBy}
        tabIndex={-1}
        className={styles.dialog}
        onKeyDown={onKeyDown}
      >
        {children}
      </div>
    </div>,
    document.body,
  );
}
