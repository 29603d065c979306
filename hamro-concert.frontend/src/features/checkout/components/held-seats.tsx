import { formatCents, plural } from '../../../lib/format';
import { groupBySectionAndRow, totalCents, type CheckoutSeat } from '../lib/checkout-seat';
import styles from './hold.module.css';

/** The seats held for this buyer, by section and row, with the total. */
export function HeldSeats({ seats }: { seats: readonly CheckoutSeat[] }) {
  return (
    <section className={styles.held} aria-labelledby="held-title">
      <h2 className={styles.heldTitle} id="held-title">
        Held for you
      </h2>
      <ul className={styles.heldList} aria-label="Held seats">
        {groupBySectionAndRow(seats).map((group) => (
          <li key={`${group.sectionName}-${group.row}`} className={styles.heldItem}>
            <span className={styles.heldPlace}>
              {group.sectionName}, row {group.row}
            </span>
            <span>
              {group.numbers.length === 1 ? 'Seat' : 'Seats'} {group.numbers.join(', ')}
            </span>
          </li>
        ))}
      </ul>
      <p className={styles.heldTotal}>
        <span>Total · {plural(seats.length, 'seat')}</span>
        <span>{formatCents(totalCents(seats))}</span>
      </p>
    </section>
  );
}
