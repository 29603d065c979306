import { useEffect } from 'react';
import { Button } from '../../../components/ui/button';
import { errorMessage } from '../../../lib/error-message';
import { formatCount, formatMoney } from '../../../lib/format';
import { isAccessRefused } from '../../../lib/session-token';
import { useConcertSales } from '../api/get-concert-sales';
import { MoneyBreakdown } from './money-breakdown';
import styles from './organizer.module.css';
import { useTranslation } from 'react-i18next';

interface ConcertSalesProps {
  /** ISO 4217 code of the concert's prices. */
  currency: string;
  concertId: string;
  title: string;
  token: string;
  onAccessRefused: (error: unknown) => boolean;
}

/** One concert's sales per tier (sold, held, free and revenue, with the totals), then where its money stands. */
export function ConcertSales({ concertId, title, currency, token, onAccessRefused }: ConcertSalesProps) {
  const { t } = useTranslation();
  const sales = useConcertSales(concertId, token);
  const refused = isAccessRefused(sales.error);
  // A refused token is the gate's business: it forgets the token and asks again.
  useEffect(() => {
    if (refused) onAccessRefused(sales.error);
  }, [refused, sales.error, onAccessRefused]);

  if (refused) return null;
  if (sales.isPending) return <p className={styles.muted}>{t('organizer.loadingSales', { concert: title })}</p>;
  if (sales.isError) {
    return (
      <div className={styles.error} role="alert">
        <p>{t('organizer.salesFailed', { concert: title, why: errorMessage(sales.error) })}</p>
        <Button variant="secondary" onClick={() => void sales.refetch()}>
          {t('organizer.tryAgain')}
        </Button>
      </div>
    );
  }
  const report = sales.data;
  return (
    <>
      <table className={styles.table}>
        <caption className="visually-hidden">{t('organizer.salesCaption', { concert: title })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('organizer.columns.tier')}</th>
            <th scope="col">{t('organizer.columns.price')}</th>
            <th scope="col">{t('organizer.columns.sold')}</th>
            <th scope="col">{t('organizer.columns.held')}</th>
            <th scope="col">{t('organizer.columns.free')}</th>
            <th scope="col">{t('organizer.columns.revenue')}</th>
          </tr>
        </thead>
        <tbody>
          {report.tiers.map((tier) => (
            <tr key={tier.ticketTierId}>
              <th scope="row">{tier.name}</th>
              <td>{formatMoney(tier.price, currency)}</td>
              <td>{formatCount(tier.sold)}</td>
              <td>{formatCount(tier.held)}</td>
              <td>{formatCount(tier.free)}</td>
              <td>{formatMoney(tier.revenue, currency)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">{t('organizer.allTiers')}</th>
            <td />
            <td>{formatCount(report.totals.sold)}</td>
            <td>{formatCount(report.totals.held)}</td>
            <td>{formatCount(report.totals.free)}</td>
            <td>{formatMoney(report.totals.revenue, currency)}</td>
          </tr>
        </tfoot>
      </table>
      <MoneyBreakdown money={report.money} currency={currency} concertId={concertId} title={title} />
    </>
  );
}
