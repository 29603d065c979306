import { SeatRows } from '../../../components/ui/seat-rows';
import { formatTotal } from '../../../lib/format';
import { seatRows, type CheckoutSeat } from '../lib/checkout-seat';
import styles from './hold.module.css';
import { useTranslation } from 'react-i18next';

/** The seats held for this buyer, by section and row, with the total. */
export function HeldSeats({ seats }: { seats: readonly CheckoutSeat[] }) {
  const { t } = useTranslation();
  return (
    <section className={styles.held} aria-labelledby="held-title">
      <h2 className={styles.heldTitle} id="held-title">
        {t('checkout.heldTitle')}
      </h2>
      <SeatRows
        rows={seatRows(seats)}
        label={t('checkout.heldSeats')}
        classNames={{ list: styles.heldList, item: styles.heldItem, place: styles.heldPlace }}
      />
      <p className={styles.heldTotal}>
        <span>{t('common.totalSeats', { seats: t('common.seatCount', { count: seats.length }) })}</span>
        <span>{formatTotal(seats)}</span>
      </p>
    </section>
  );
}
