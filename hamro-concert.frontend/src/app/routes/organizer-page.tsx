import { useQuery, useQueryClient } from '@tanstack/react-query';
import { concertListKey, concertsQueryOptions } from '../../features/concerts';
import {
  CreateConcertForm,
  refundsKey,
  ResendTickets,
  roomKey,
  SalesOverview,
  salesKey,
} from '../../features/organizer';
import { SeatMapPreview } from '../../features/seat-map';
import { formatConcertDate } from '../../lib/format';
import { StaffBar } from '../access/staff-bar';
import { TokenGate, type StaffAccess } from '../access/token-gate';
import { paths } from '../paths';
import { useRefreshConcert } from '../use-refresh-concert';
import styles from './organizer-page.module.css';
import { useTranslation } from 'react-i18next';
import { BRAND } from '../brand';

export const ADMIN_TOKEN_KEY = 'hamro.adminToken';

function Organizer({ access }: { access: StaffAccess }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const refresh = useRefreshConcert();
  const concerts = useQuery(concertsQueryOptions(1, 100));
  const listed = (concerts.data?.data ?? []).map((concert) => ({
    ...concert,
    when: `${formatConcertDate(concert.date, concert.time, concert.timeZone)} · ${concert.venue}, ${concert.city}`,
  }));
  return (
    <>
      <StaffBar title={t('organizer.title')} onSignOut={access.signOut} />
      <div className={styles.page}>
        <CreateConcertForm
          token={access.token}
          onAccessRefused={access.refused}
          renderPreview={(sections) => <SeatMapPreview sections={sections} />}
          concertHref={paths.concert}
          onCreated={() => void queryClient.invalidateQueries({ queryKey: concertListKey })}
        />
        <ResendTickets token={access.token} onAccessRefused={access.refused} />
        <section aria-labelledby="sales-title" className={styles.sales}>
          <h2 id="sales-title" tabIndex={-1}>
            {t('organizer.salesTitle')}
          </h2>
          {concerts.isPending ? <p>{t('organizer.loadingConcerts')}</p> : null}
          {concerts.isError ? <p role="alert">{t('organizer.loadFailed')}</p> : null}
          {concerts.data ? (
            <SalesOverview
              concerts={listed}
              token={access.token}
              onAccessRefused={access.refused}
              concertHref={paths.concert}
              // The list, the public page and the seat map all show the concert and its tiers: each is refreshed.
              onChanged={(concertId) => refresh.everything(concertId)}
              onDeleted={(concertId) => refresh.everything(concertId)}
              afterDeleteFocus={() => document.getElementById('sales-title')}
            />
          ) : null}
        </section>
      </div>
    </>
  );
}

/**
 * /organizer: create concerts with their venue layout, change or delete them, follow their sales and
 * run their waiting rooms (admin token).
 */
export function OrganizerPage() {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  return (
    <>
      <title>{t('common.pageTitle', { page: t('organizer.title'), brand: BRAND })}</title>
      <TokenGate
        role="admin"
        storageKey={ADMIN_TOKEN_KEY}
        title={t('organizer.signInTitle')}
        tokenLabel={t('organizer.tokenLabel')}
        intro={t('organizer.intro')}
        onSignOut={() => {
          queryClient.removeQueries({ queryKey: salesKey });
          queryClient.removeQueries({ queryKey: roomKey });
          queryClient.removeQueries({ queryKey: refundsKey });
        }}
      >
        {(access) => <Organizer access={access} />}
      </TokenGate>
    </>
  );
}
