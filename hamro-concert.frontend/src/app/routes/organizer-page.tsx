import { useQuery, useQueryClient } from '@tanstack/react-query';
import { concertListKey, concertsQueryOptions } from '../../features/concerts';
import { CreateConcertForm, SalesOverview, salesKey } from '../../features/organizer';
import { SeatMapPreview } from '../../features/seat-map';
import { formatConcertDate } from '../../lib/format';
import { StaffBar } from '../access/staff-bar';
import { TokenGate, type StaffAccess } from '../access/token-gate';
import { paths } from '../paths';
import styles from './organizer-page.module.css';

export const ADMIN_TOKEN_KEY = 'hamro.adminToken';

function Organizer({ access }: { access: StaffAccess }) {
  const queryClient = useQueryClient();
  const concerts = useQuery(concertsQueryOptions(1, 100));
  const listed = (concerts.data?.data ?? []).map((concert) => ({
    id: concert.id,
    title: concert.title,
    when: `${formatConcertDate(concert.date, concert.time)} · ${concert.venue}, ${concert.city}`,
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
          <h2 id="sales-title">Concerts and sales</h2>
          {concerts.isPending ? <p>Loading concerts…</p> : null}
          {concerts.isError ? <p role="alert">We couldn't load the concerts. Reload the page to try again.</p> : null}
          {concerts.data ? (
            <SalesOverview
              concerts={listed}
              token={access.token}
              onAccessRefused={access.refused}
              concertHref={paths.concert}
            />
          ) : null}
        </section>
      </div>
    </>
  );
}

/** /organizer: create concerts with their venue layout, and follow their sales (admin token). */
export function OrganizerPage() {
  const queryClient = useQueryClient();
  return (
    <>
      <title>Organizer · Hamro Concert</title>
      <TokenGate
        storageKey={ADMIN_TOKEN_KEY}
        title="Organizer sign-in"
        tokenLabel="Admin token"
        intro="Enter the admin token to create concerts and see their sales."
        onSignOut={() => queryClient.removeQueries({ queryKey: salesKey })}
      >
        {(access) => <Organizer access={access} />}
      </TokenGate>
    </>
  );
}
