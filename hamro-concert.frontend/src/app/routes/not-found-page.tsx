import { Link } from 'react-router';
import { buttonClass } from '../../components/ui/button';
import { MessagePanel } from '../../components/ui/message-panel';
import { paths } from '../paths';
import { useTranslation } from 'react-i18next';
import { BRAND } from '../brand';

interface NotFoundPageProps {
  /** What was not found, as the page's title says it. */
  what?: string;
  title?: string;
  explanation?: string;
}

/** For an unknown path, and for a link to something that no longer exists (a concert, say). */
export function NotFoundPage(props: NotFoundPageProps) {
  const { t } = useTranslation();
  const { what = t('notFound.page'), title = t('notFound.title'), explanation = t('notFound.explanation') } = props;
  const heading = t('notFound.heading', { what });
  return (
    <>
      <title>{t('common.pageTitle', { page: heading, brand: BRAND })}</title>
      <h1 className="visually-hidden">{heading}</h1>
      <MessagePanel
        tone="empty"
        title={title}
        action={
          <Link to={paths.home} className={buttonClass('primary')}>
            {t('notFound.action')}
          </Link>
        }
      >
        <p>{explanation}</p>
      </MessagePanel>
    </>
  );
}
