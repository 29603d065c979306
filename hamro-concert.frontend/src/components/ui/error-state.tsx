import { errorMessage } from '../../lib/error-message';
import { Button } from './button';
import { MessagePanel } from './message-panel';
import { useTranslation } from 'react-i18next';

interface ErrorStateProps {
  title: string;
  error: unknown;
  onRetry?: () => void;
  retrying?: boolean;
}

/** A failed load: what went wrong in words, and a way to try again. */
export function ErrorState({ title, error, onRetry, retrying = false }: ErrorStateProps) {
  const { t } = useTranslation();
  return (
    <MessagePanel
      tone="error"
      title={title}
      action={
        onRetry ? (
          <Button variant="secondary" onClick={onRetry} disabled={retrying}>
            {retrying ? t('common.tryingAgain') : t('common.tryAgain')}
          </Button>
        ) : null
      }
    >
      <p>{errorMessage(error)}</p>
    </MessagePanel>
  );
}
