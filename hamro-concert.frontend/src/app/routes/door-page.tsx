import { useQuery } from '@tanstack/react-query';
import { concertsQueryOptions } from '../../features/concerts';
import { DoorConcertPicker, DoorScanner } from '../../features/door';
import { formatConcertDate } from '../../lib/format';
import { useSessionToken } from '../../lib/session-token';
import { TokenGate } from '../access/token-gate';
import { StaffBar } from '../access/staff-bar';
import { useTranslation } from 'react-i18next';
import { BRAND } from '../brand';

export const STAFF_TOKEN_KEY = 'hamro.staffToken';
/** The concert this door admits, remembered for the tab like the staff token. */
export const DOOR_CONCERT_KEY = 'hamro.doorConcert';

/** The concert this door admits, chosen once per tab, then the scanner for its tickets. */
function Door({ token, onAccessRefused }: { token: string; onAccessRefused: (error: unknown) => boolean }) {
  const { t } = useTranslation();
  const concerts = useQuery(concertsQueryOptions(1, 100));
  const chosen = useSessionToken(DOOR_CONCERT_KEY);
  const options = (concerts.data?.data ?? []).map((concert) => ({
    id: concert.id,
    label: `${concert.title} · ${formatConcertDate(concert.date, concert.time, concert.timeZone)}`,
  }));
  const concertId = chosen.token && options.some((c) => c.id === chosen.token) ? chosen.token : null;
  return (
    <>
      <DoorConcertPicker concerts={options} value={concertId} onChange={chosen.save} />
      {concertId ? (
        <DoorScanner key={concertId} token={token} concertId={concertId} onAccessRefused={onAccessRefused} />
      ) : (
        <p role="status">{concerts.isPending ? t('door.loadingConcerts') : t('door.chooseToStart')}</p>
      )}
    </>
  );
}

/** /door: staff check tickets in, one code after another, for the concert they admit. */
export function DoorPage() {
  const { t } = useTranslation();
  return (
    <>
      <title>{t('common.pageTitle', { page: t('door.title'), brand: BRAND })}</title>
      <TokenGate
        role="staff"
        storageKey={STAFF_TOKEN_KEY}
        title={t('door.title')}
        tokenLabel={t('door.tokenLabel')}
        intro={t('door.intro')}
      >
        {(access) => (
          <>
            <StaffBar title={t('door.title')} onSignOut={access.signOut} />
            <Door token={access.token} onAccessRefused={access.refused} />
          </>
        )}
      </TokenGate>
    </>
  );
}
