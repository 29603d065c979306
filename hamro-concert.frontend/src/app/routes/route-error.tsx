import { Button } from '../../components/ui/button';
import { MessagePanel } from '../../components/ui/message-panel';

/** Shown instead of a blank page if rendering fails unexpectedly. */
export function RouteError() {
  return (
    <div style={{ width: 'min(100% - 2rem, 40rem)', margin: '4rem auto' }}>
      <title>Something went wrong · Hamro Concert</title>
      <MessagePanel
        tone="error"
        title="Something went wrong"
        headingLevel={2}
        action={<Button onClick={() => window.location.reload()}>Reload the page</Button>}
      >
        <p>Sorry, this page hit a problem. Reloading usually fixes it; your bookings are safe.</p>
      </MessagePanel>
    </div>
  );
}
