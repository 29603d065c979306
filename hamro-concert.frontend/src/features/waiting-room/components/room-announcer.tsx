import type { Visit } from 'hamro-concert.contracts';
import { formatCount } from '../../../lib/format';

function announcement(visit: Visit | undefined): string {
  if (visit?.state === 'admitted') return "It's your turn: choose your seats.";
  if (visit?.state === 'waiting' && visit.position !== null) {
    return `You are number ${formatCount(visit.position)} in line.`;
  }
  return '';
}

/**
 * A polite live region that stays in the page from the waiting room to the seats: it speaks when
 * the visitor's number in line changes and when their turn comes, and at no other update, so the
 * room's regular refreshes are not read out.
 */
export function RoomAnnouncer({ visit }: { visit: Visit | undefined }) {
  return (
    <p role="status" className="visually-hidden">
      {announcement(visit)}
    </p>
  );
}
