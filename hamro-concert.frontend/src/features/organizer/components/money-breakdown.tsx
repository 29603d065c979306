import type { SalesReport } from 'hamro-concert.contracts';
import { formatCount, formatMoney } from '../../../lib/format';
import styles from './organizer.module.css';
import { Trans, useTranslation } from 'react-i18next';

interface MoneyBreakdownProps {
  money: SalesReport['money'];
  /** ISO 4217 code of the concert's prices. */
  currency: string;
  concertId: string;
  title: string;
}

/** Where the concert's money stands: paid online or in cash, still owed at the door or online, and refunds. */
export function MoneyBreakdown({ money, currency, concertId, title }: MoneyBreakdownProps) {
  const { t } = useTranslation();
  const amount = (value: string) => formatMoney(value, currency);
  const figures = [
    [t('organizer.figures.paidOnline'), amount(money.paidOnline)],
    [t('organizer.figures.unpaidAtDoor'), amount(money.unpaidAtDoor)],
    [t('organizer.figures.cashCollected'), amount(money.cashCollected)],
    [t('organizer.figures.awaitingPayment'), amount(money.awaitingPayment)],
    [t('organizer.figures.refundsDone'), amount(money.refundsDone)],
    [t('organizer.figures.refundsDue'), amount(money.refundsDue)],
    [t('organizer.figures.mismatches'), formatCount(money.mismatches)],
    [t('organizer.figures.free'), formatCount(money.free)],
  ] as const;
  const headingId = `money-${concertId}`;
  return (
    <section className={styles.money} aria-labelledby={headingId}>
      <h4 id={headingId} className={styles.subheading}>
        <Trans
          i18nKey="organizer.money"
          values={{ concert: title }}
          components={{ hidden: <span className="visually-hidden" /> }}
        />
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
