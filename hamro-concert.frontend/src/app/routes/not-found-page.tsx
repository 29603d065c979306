import { Link } from 'react-router';
import { buttonClass } from '../../components/ui/button';
import { MessagePanel } from '../../components/ui/message-panel';
import { paths } from '../paths';

interface NotFoundPageProps {
  /** What was not found, as the page's title says it. */
  what?: string;
  title?: string;
  explanation?: string;
}

/** For an unknown path, and for a link to something that no longer exists (a concert, say). */
export function NotFoundPage({
  what = 'Page',
  title = "We couldn't find that page",
  explanation = 'The link may be old or mistyped.',
}: NotFoundPageProps) {
  return (
    <>
      <title>{`${what} not found · Hamro Concert`}</title>
      <h1 className="visually-hidden">{what} not found</h1>
      <MessagePanel
        tone="empty"
        title={title}
        action={
          <Link to={paths.home} className={buttonClass('primary')}>
            See upcoming concerts
          </Link>
        }
      >
        <p>{explanation}</p>
      </MessagePanel>
    </>
  );
}
