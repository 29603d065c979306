import type { BookingDetails } from 'hamro-concert.contracts';
import { TicketList } from '../../../components/ui/ticket-list';
import { formatMoney } from '../../../lib/format';
import { providerName } from '../../../lib/payment-methods';
import { bookingTickets } from '../lib/booking-tickets';
import styles from './payment.module.css';
import { useTranslation } from 'react-i18next';

/** What a confirmed booking's payment page says: how it was paid (or is to be), then its tickets. */
export function PaymentOutcome({ booking }: { booking: BookingDetails }) {
  const { t } = useTranslation();
  const { payment } = booking;
  const total = formatMoney(booking.totalAmount, booking.concert.currency);
  const online = payment.method === 'khalti' || payment.method === 'esewa' ? payment.method : null;
  return (
    <>
      {payment.state === 'paid' && online ? (
        <p className={styles.lead}>{t('payment.paidWith', { total, provider: providerName(online) })}</p>
      ) : null}
      {payment.state === 'cash_collected' ? <p className={styles.lead}>{t('payment.paidCash', { total })}</p> : null}
      {payment.state === 'at_door' ? <p className={styles.atDoor}>{t('common.payAtDoorTotal', { total })}</p> : null}
      <h2 className={styles.ticketsTitle}>{t('checkout.yourTickets')}</h2>
      <p className={styles.note}>{t('checkout.ticketsHint')}</p>
      <TicketList tickets={bookingTickets(booking)} />
    </>
  );
}
