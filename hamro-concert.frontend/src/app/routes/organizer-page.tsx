import { useQuery, useQueryClient } from '@tanstack/react-query';
import { concertListKey, concertsQueryOptions } from '../../features/concerts';
import { CreateConcertForm, refundsKey, roomKey, SalesOverview, salesKey } from '../../features/organizer';
import { SeatMapPreview } from '../../features/seat-map';
import { formatConcertDate } from '../../lib/format';
import { StaffBar } from '../access/staff-bar';
import { TokenGate, type StaffAccess } from '../access/token-gate';
import { paths } from '../paths';
import { useRefreshConcert } from '../use-refresh-concert';
import styles from './organizer-page.module.css';

export const ADMIN_TOKEN_KEY = 'hamro.adminToken';

function Organizer({ access }: { access: StaffAccess }) {
  const queryClient = useQueryClient();
  const refresh = useRefreshConcert();
  const concerts = useQuery(concertsQueryOptions(1, 100));
  const listed = (concerts.data?.data ?? []).map((concert) => ({
    ...concert,
    when: `${formatConcertDate(concert.date, concert.time, concert.timeZone)} · ${concert.venue}, ${concert.city}`,
  }));
  return (
    <>
      <StaffBar title="Organizer" onSignOut={access.signOut} />
      <div className={styles.page}>
        <CreateConcertForm
          token={access.token}
          onAccessRefused={access.refused}
          renderPreview={(sections) => <SeatMapPreview sections={sections} />}
          concertHref={paths.concert}
          onCreated={() => void queryClient.invalidateQueries({ queryKey: concertListKey })}
        />
        <section aria-labelledby="sales-title" className={styles.sales}>
          <h2 id="sales-title" tabIndex={-1}>
            Concerts and sales
          </h2>
          {concerts.isPending ? <p>Loading concerts…</p> : null}
          {concerts.isError ? <p role="alert">We couldn't load the concerts. Reload the page to try again.</p> : null}
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
  const queryClient = useQueryClient();
  return (
    <>
      <title>Organizer · Hamro Concert</title>
      <TokenGate
        role="admin"
        storageKey={ADMIN_TOKEN_KEY}
        title="Organizer sign-in"
        tokenLabel="Admin token"
        intro="Enter the admin token to create, change and delete concerts and see their sales."
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
