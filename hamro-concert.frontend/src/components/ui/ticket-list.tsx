import { QrCode } from './qr-code';
import styles from './ticket-list.module.css';
import { useTranslation } from 'react-i18next';

export interface TicketView {
  code: string;
  /** Where the ticket sits: "VIP, row 2, seat 12". */
  place: string;
  /** Shown under the code when the ticket was already scanned at the door. */
  note?: string | undefined;
}

/** One card per ticket: the seat, a QR code of the ticket code, and the code as text. */
export function TicketList({ tickets }: { tickets: readonly TicketView[] }) {
  const { t } = useTranslation();
  return (
    <ul className={styles.tickets} aria-label={t('common.tickets')}>
      {tickets.map((ticket) => (
        <li key={ticket.code} className={styles.ticket}>
          <QrCode
            value={ticket.code}
            label={t('common.ticketQr', { place: ticket.place, code: ticket.code })}
            size={112}
          />
          <div className={styles.text}>
            <span className={styles.place}>{ticket.place}</span>
            <code className={styles.code}>{ticket.code}</code>
            {ticket.note ? <span className={styles.note}>{ticket.note}</span> : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
