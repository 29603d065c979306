import type { Concert, SeatMap as SeatMapData } from 'hamro-concert.contracts';
import { useMemo } from 'react';
import { CheckoutPanel, useSeatHold } from '../../../features/checkout';
import { buildSeatLayout, SeatMap, SelectionBar, SelectionList, useSeatSelection } from '../../../features/seat-map';
import { useLanguage } from '../../../i18n/use-language';
import { formatConcertDate, formatConcertDayBs } from '../../../lib/format';
import { paths } from '../../paths';
import styles from './concert-booking.module.css';
import { useRefreshConcert } from '../../use-refresh-concert';
import { useTiersOnSale } from '../../use-tiers-on-sale';
import { useTranslation } from 'react-i18next';

/** The visitor's turn in the sale's waiting room, as the page passes it to checkout. */
export interface Admission {
  /** The room's pass while it is the visitor's turn; null when the concert has no room. */
  pass: string | null;
  /** Ask the room again: a hold renews the pass, a booking ends it, or the API refused the request for want of one. */
  refresh: () => void;
  /** A booking's confirmation opened (true) or closed (false): the seats stay on screen meanwhile. */
  onConfirming: (open: boolean) => void;
}

interface ConcertBookingProps {
  concert: Concert;
  seatMap: SeatMapData;
  admission: Admission;
}

/**
 * The seat map beside the chosen seats and checkout; the selection lives here. Holds and bookings
 * carry the waiting room's pass, if the sale has one (the page passes it in). While seats are
 * held the selection is fixed: the map shows the held seats as chosen and ignores clicks, and
 * "Change seats" gives the hold back. Seats of tiers whose sales are not open (or have closed) show
 * but cannot be chosen, and the map turns choosable by itself at the minute sales open.
 */
export function ConcertBooking({ concert, seatMap, admission }: ConcertBookingProps) {
  const { t } = useTranslation();
  const language = useLanguage();
  const refresh = useRefreshConcert();
  const onSale = useTiersOnSale(concert);
  // With a pass, each hold and booking changes it (renewed, or ended): the room is asked again.
  const passChanged = () => {
    if (admission.pass) admission.refresh();
  };
  const seatHold = useSeatHold(
    {
      onSeatsTaken: (seatIds) => dropTaken(seatIds),
      onSeatsChanged: () => {
        passChanged();
        return refresh.everything(concert.id);
      },
      onBestHeld: (seatIds) => selection.replace(seatIds),
      onAdmissionRequired: admission.refresh,
    },
    admission.pass,
  );
  const ownSeats = seatHold.ownSeatIds;
  const layout = useMemo(
    // The seats' names are in the app's language: a new language names them again.
    () => buildSeatLayout(seatMap, concert.tiers, ownSeats, concert.currency, language),
    [seatMap, concert.tiers, ownSeats, concert.currency, language],
  );
  const selection = useSeatSelection(layout);
  const holding = seatHold.hold !== null;
  const selectedIds = selection.seats.map((seat) => seat.id);

  function dropTaken(seatIds: number[]) {
    selection.remove(seatIds);
    void refresh.everything(concert.id);
  }

  return (
    <div className={styles.layout}>
      <SeatMap
        layout={layout}
        isSelected={selection.isSelected}
        onToggle={holding ? () => undefined : selection.toggle}
        isOnSale={(seat) => onSale.ids.has(seat.tierId)}
        selectedIds={selectedIds}
      />
      {holding ? null : <SelectionBar selection={selection} targetId="your-booking" />}
      <aside className={styles.sidebar} aria-label={t('seatMap.yourBooking')} id="your-booking">
        {holding ? null : <SelectionList selection={selection} />}
        <CheckoutPanel
          concertId={concert.id}
          seatHold={seatHold}
          seats={selection.seats}
          tiers={onSale.paused ? concert.tiers : concert.tiers.filter((tier) => onSale.ids.has(tier.id))}
          salesPaused={onSale.paused}
          currency={concert.currency}
          concertTitle={concert.title}
          concertWhen={`${formatConcertDate(concert.date, concert.time, concert.timeZone)} · ${concert.venue}, ${concert.city}`}
          concertDayBs={formatConcertDayBs(concert.date)}
          findBookingHref={paths.findBookingFor}
          paymentMethods={concert.paymentMethods}
          paymentHref={paths.paymentFor}
          onBooked={() => {
            admission.onConfirming(true);
            passChanged();
            selection.clear();
            void refresh.everything(concert.id);
          }}
          onConfirmationClosed={() => admission.onConfirming(false)}
          onSeatsTaken={dropTaken}
          onSeatsChanged={() => void refresh.everything(concert.id)}
          admissionPass={admission.pass}
          onAdmissionRequired={admission.refresh}
        />
      </aside>
    </div>
  );
}
