import { Button } from '../../components/ui/button';
import { MessagePanel } from '../../components/ui/message-panel';
import { useTranslation } from 'react-i18next';
import { BRAND } from '../brand';

/** Shown instead of a blank page if rendering fails unexpectedly. */
export function RouteError() {
  const { t } = useTranslation();
  return (
    <div style={{ width: 'min(100% - 2rem, 40rem)', margin: '4rem auto' }}>
      <title>{t('common.pageTitle', { page: t('routeError.title'), brand: BRAND })}</title>
      <MessagePanel
        tone="error"
        title={t('routeError.title')}
        headingLevel={2}
        action={<Button onClick={() => window.location.reload()}>{t('routeError.reload')}</Button>}
      >
        <p>{t('routeError.body')}</p>
      </MessagePanel>
    </div>
  );
}
