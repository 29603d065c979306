import { formatCents, formatTotal, plural } from '../../../lib/format';
import type { SeatSelection } from '../hooks/use-seat-selection';
import { CrossIcon } from './seat-icons';
import styles from './selection-list.module.css';

/** The running list of chosen seats with the total, and the plain word when the limit is reached. */
export function SelectionList({ selection }: { selection: SeatSelection }) {
  const { seats, lost, max } = selection;
  const full = seats.length >= max;
  return (
    <section className={styles.panel} aria-labelledby="selection-title">
      <div className={styles.head}>
        <h2 className={styles.title} id="selection-title" tabIndex={-1}>
          Your seats
        </h2>
        <span className={styles.count}>
          {seats.length} of {max} max
        </span>
      </div>
      <div role="status" aria-live="polite" className={styles.panel}>
        {lost.length > 0 ? (
          <p className={`${styles.note} ${styles.warning}`}>
            Someone else just {lost.every((seat) => seat.status === 'booked') ? 'booked' : 'took'}{' '}
            {lost.map((seat) => seat.place).join('; ')}. We took {lost.length === 1 ? 'it' : 'them'} out of your
            selection.
          </p>
        ) : null}
        {full ? (
          <p className={`${styles.note} ${selection.limitRefused ? styles.warning : ''}`}>
            You have chosen {max} seats, the most one booking can hold. Remove a seat to pick a different one.
          </p>
        ) : null}
      </div>
      {seats.length === 0 ? (
        <p className={styles.empty}>No seats chosen yet. Pick seats on the map.</p>
      ) : (
        <>
          <ul className={styles.list} aria-label="Chosen seats">
            {seats.map((seat) => (
              <li key={seat.id} className={styles.item}>
                <span className={styles.place}>{seat.place}</span>
                <span className={styles.price}>{formatCents(seat.priceCents, seat.currency)}</span>
                <button
                  type="button"
                  className={styles.remove}
                  aria-label={`Remove ${seat.place}`}
                  onClick={() => selection.remove([seat.id])}
                >
                  <CrossIcon />
                </button>
              </li>
            ))}
          </ul>
          <p className={styles.total}>
            <span>Total · {plural(seats.length, 'seat')}</span>
            <span>{formatTotal(seats)}</span>
          </p>
        </>
      )}
    </section>
  );
}
