import { Button } from '../../../components/ui/button';
import { ProblemNotice } from '../../../components/ui/problem-notice';
import { errorMessage } from '../../../lib/error-message';
import type { WaitingRoom } from '../hooks/use-waiting-room';
import styles from './waiting-room.module.css';

/** The pass has ended (a booking used it, or it ran out): joining again queues at the back. */
export function ExpiredTurn({ room }: { room: WaitingRoom }) {
  return (
    <>
      <p className={styles.lead}>
        A turn ends with a booking, or when it runs out while no seats are held. To choose seats now, join the line
        again: you will queue behind those already waiting.
      </p>
      {room.joinError ? (
        <ProblemNotice title="We could not put you in line">{errorMessage(room.joinError)}</ProblemNotice>
      ) : null}
      <div className={styles.actions}>
        <Button onClick={room.joinAgain} disabled={room.joining}>
          {room.joining ? 'Joining…' : 'Join again'}
        </Button>
      </div>
    </>
  );
}
