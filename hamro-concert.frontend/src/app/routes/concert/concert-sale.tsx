import type { Concert } from 'hamro-concert.contracts';
import { useState } from 'react';
import { ErrorState } from '../../../components/ui/error-state';
import { RoomAnnouncer, TurnBanner, WaitingRoomView, type WaitingRoom } from '../../../features/waiting-room';
import { ConcertSeats } from './concert-seats';
import { MapSkeleton } from './map-skeleton';
import styles from './concert-sale.module.css';
import { useTranslation } from 'react-i18next';

interface ConcertSaleProps {
  concert: Concert;
  room: WaitingRoom;
}

/**
 * The waiting room until it is the visitor's turn, then the seats, by itself and without a reload.
 * A concert without a room goes straight to the seats. After a booking the pass has ended, but the
 * seats (and the confirmation over them) stay until the buyer closes it.
 */
export function ConcertSale({ concert, room }: ConcertSaleProps) {
  const { t } = useTranslation();
  const [confirming, setConfirming] = useState(false);
  if (room.pending) return <MapSkeleton label={t('waitingRoom.checking')} />;
  if (!room.visit) {
    return (
      <div className={styles.mapError}>
        <ErrorState
          title={t('waitingRoom.checkFailed')}
          error={room.error}
          onRetry={room.retry}
          retrying={room.retrying}
        />
      </div>
    );
  }
  const admission = { pass: room.pass, refresh: () => void room.refresh(), onConfirming: setConfirming };
  return (
    <>
      <RoomAnnouncer visit={room.visit} />
      {room.mayShop || confirming ? (
        <>
          <TurnBanner visit={room.visit} timeZone={concert.timeZone} />
          <ConcertSeats concert={concert} admission={admission} />
        </>
      ) : (
        <WaitingRoomView room={room} visit={room.visit} timeZone={concert.timeZone} />
      )}
    </>
  );
}
