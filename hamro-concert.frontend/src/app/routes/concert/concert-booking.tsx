import type { Concert, SeatMap as SeatMapData } from 'hamro-concert.api/contracts';
import { useMemo } from 'react';
import { CheckoutPanel } from '../../../features/checkout';
import { buildSeatLayout, SeatMap, SelectionBar, SelectionList, useSeatSelection } from '../../../features/seat-map';
import { formatConcertDate } from '../../../lib/format';
import styles from './concert-booking.module.css';
import { useRefreshConcert } from './use-refresh-concert';

interface ConcertBookingProps {
  concert: Concert;
  seatMap: SeatMapData;
}

/** The seat map beside the chosen seats and the booking form; the selection lives here. */
export function ConcertBooking({ concert, seatMap }: ConcertBookingProps) {
  const layout = useMemo(() => buildSeatLayout(seatMap, concert.tiers), [seatMap, concert.tiers]);
  const selection = useSeatSelection(layout);
  const refresh = useRefreshConcert(concert.id);

  return (
    <div className={styles.layout}>
      <SeatMap layout={layout} isSelected={selection.isSelected} onToggle={selection.toggle} />
      <SelectionBar selection={selection} targetId="your-booking" />
      <aside className={styles.sidebar} aria-label="Your booking" id="your-booking">
        <SelectionList selection={selection} />
        <CheckoutPanel
          seats={selection.seats}
          concertTitle={concert.title}
          concertWhen={`${formatConcertDate(concert.date, concert.time)} · ${concert.venue}, ${concert.city}`}
          onBooked={() => {
            selection.clear();
            void refresh.everything();
          }}
          onSeatsTaken={(seatIds) => {
            selection.remove(seatIds);
            void refresh.everything();
          }}
          onSeatsChanged={() => void refresh.seatMap()}
        />
      </aside>
    </div>
  );
}
