import type { Visit } from 'hamro-concert.contracts';
import { formatVenueInstant } from '../../../lib/format';
import styles from './waiting-room.module.css';
import { Trans, useTranslation } from 'react-i18next';

/** Above the seat map during the visitor's turn: until when, and that holding seats keeps it going. */
export function TurnBanner({ visit, timeZone }: { visit: Visit; timeZone: string }) {
  const { t } = useTranslation();
  if (visit.state !== 'admitted' || !visit.passExpiresAt) return null;
  return (
    <div className={styles.turn}>
      <p className={styles.turnTitle}>{t('waitingRoom.turnTitle')}</p>
      <p>
        <Trans
          i18nKey="waitingRoom.turnLasts"
          values={{ when: formatVenueInstant(visit.passExpiresAt, timeZone) }}
          components={{ time: <time dateTime={visit.passExpiresAt} /> }}
        />
      </p>
    </div>
  );
}
