import { Link } from 'react-router';
import { buttonClass } from '../../components/ui/button';
import { MessagePanel } from '../../components/ui/message-panel';
import { paths } from '../paths';

export function NotFoundPage() {
  return (
    <>
      <title>Page not found · Hamro Concert</title>
      <h1 className="visually-hidden">Page not found</h1>
      <MessagePanel
        tone="empty"
        title="We couldn't find that page"
        action={
          <Link to={paths.home} className={buttonClass('primary')}>
            See upcoming concerts
          </Link>
        }
      >
        <p>The link may be old or mistyped.</p>
      </MessagePanel>
    </>
  );
}
