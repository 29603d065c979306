import { formatCents, formatTotal } from '../../../lib/format';
import type { SeatSelection } from '../hooks/use-seat-selection';
import { CrossIcon } from './seat-icons';
import styles from './selection-list.module.css';
import { useTranslation } from 'react-i18next';

/** The running list of chosen seats with the total, and the plain word when the limit is reached. */
export function SelectionList({ selection }: { selection: SeatSelection }) {
  const { t } = useTranslation();
  const { seats, lost, max } = selection;
  const full = seats.length >= max;
  return (
    <section className={styles.panel} aria-labelledby="selection-title">
      <div className={styles.head}>
        <h2 className={styles.title} id="selection-title" tabIndex={-1}>
          {t('seatMap.yourSeats')}
        </h2>
        <span className={styles.count}>{t('seatMap.countOfMax', { count: seats.length, max })}</span>
      </div>
      <div role="status" aria-live="polite" className={styles.panel}>
        {lost.length > 0 ? (
          <p className={`${styles.note} ${styles.warning}`}>
            {t(lost.every((seat) => seat.status === 'booked') ? 'seatMap.lostBooked' : 'seatMap.lostTook', {
              places: lost.map((seat) => seat.place).join('; '),
            })}{' '}
            {t('seatMap.lostRemoved', { count: lost.length })}
          </p>
        ) : null}
        {full ? (
          <p className={`${styles.note} ${selection.limitRefused ? styles.warning : ''}`}>
            {t('seatMap.full', { max })}
          </p>
        ) : null}
      </div>
      {seats.length === 0 ? (
        <p className={styles.empty}>{t('seatMap.none')}</p>
      ) : (
        <>
          <ul className={styles.list} aria-label={t('seatMap.chosen')}>
            {seats.map((seat) => (
              <li key={seat.id} className={styles.item}>
                <span className={styles.place}>{seat.place}</span>
                <span className={styles.price}>{formatCents(seat.priceCents, seat.currency)}</span>
                <button
                  type="button"
                  className={styles.remove}
                  aria-label={t('seatMap.remove', { place: seat.place })}
                  onClick={() => selection.remove([seat.id])}
                >
                  <CrossIcon />
                </button>
              </li>
            ))}
          </ul>
          <p className={styles.total}>
            <span>{t('common.totalSeats', { seats: t('common.seatCount', { count: seats.length }) })}</span>
            <span>{formatTotal(seats)}</span>
          </p>
        </>
      )}
    </section>
  );
}
