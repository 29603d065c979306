import { SeatRows } from '../../../components/ui/seat-rows';
import { formatTotal, plural } from '../../../lib/format';
import { seatRows, type CheckoutSeat } from '../lib/checkout-seat';
import styles from './hold.module.css';

/** The seats held for this buyer, by section and row, with the total. */
export function HeldSeats({ seats }: { seats: readonly CheckoutSeat[] }) {
  return (
    <section className={styles.held} aria-labelledby="held-title">
      <h2 className={styles.heldTitle} id="held-title">
        Held for you
      </h2>
      <SeatRows
        rows={seatRows(seats)}
        label="Held seats"
        classNames={{ list: styles.heldList, item: styles.heldItem, place: styles.heldPlace }}
      />
      <p className={styles.heldTotal}>
        <span>Total · {plural(seats.length, 'seat')}</span>
        <span>{formatTotal(seats)}</span>
      </p>
    </section>
  );
}
