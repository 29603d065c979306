import type { Visit } from 'hamro-concert.contracts';
import { i18n } from '../../../i18n/i18n';
import { useTranslation } from 'react-i18next';

function announcement(visit: Visit | undefined): string {
  if (visit?.state === 'admitted') return i18n.t('waitingRoom.announceTurn');
  if (visit?.state === 'waiting' && visit.position !== null) {
    return i18n.t('waitingRoom.announcePlace', { position: visit.position });
  }
  return '';
}

/**
 * A polite live region that stays in the page from the waiting room to the seats: it speaks when
 * the visitor's number in line changes and when their turn comes, and at no other update, so the
 * room's regular refreshes are not read out.
 */
export function RoomAnnouncer({ visit }: { visit: Visit | undefined }) {
  useTranslation();
  return (
    <p role="status" className="visually-hidden">
      {announcement(visit)}
    </p>
  );
}
