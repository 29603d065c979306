import type { SalesReport } from 'hamro-concert.contracts';
import { formatCount, formatMoney } from '../../../lib/format';
import styles from './organizer.module.css';

interface MoneyBreakdownProps {
  money: SalesReport['money'];
  /** ISO 4217 code of the concert's prices. */
  currency: string;
  concertId: string;
  title: string;
}

/** Where the concert's money stands: paid online or in cash, still owed at the door or online, and refunds. */
export function MoneyBreakdown({ money, currency, concertId, title }: MoneyBreakdownProps) {
  const amount = (value: string) => formatMoney(value, currency);
  const figures = [
    ['Paid online', amount(money.paidOnline)],
    ['Unpaid at the door', amount(money.unpaidAtDoor)],
    ['Cash collected', amount(money.cashCollected)],
    ['Awaiting payment', amount(money.awaitingPayment)],
    ['Refunds done', amount(money.refundsDone)],
    ['Refunds due', amount(money.refundsDue)],
    ['Mismatches', formatCount(money.mismatches)],
    ['Free bookings', formatCount(money.free)],
  ] as const;
  const headingId = `money-${concertId}`;
  return (
    <section className={styles.money} aria-labelledby={headingId}>
      <h4 id={headingId} className={styles.subheading}>
        Money <span className="visually-hidden">of {title}</span>
      </h4>
      <dl className={styles.figures}>
        {figures.map(([term, value]) => (
          <div key={term} className={styles.figure}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}
