import { useEffect } from 'react';
import { Button } from '../../../components/ui/button';
import { errorMessage } from '../../../lib/error-message';
import { formatMoney } from '../../../lib/format';
import { isAccessRefused } from '../../../lib/session-token';
import { useConcertSales } from '../api/get-concert-sales';
import { MoneyBreakdown } from './money-breakdown';
import styles from './organizer.module.css';

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
  const sales = useConcertSales(concertId, token);
  const refused = isAccessRefused(sales.error);
  // A refused token is the gate's business: it forgets the token and asks again.
  useEffect(() => {
    if (refused) onAccessRefused(sales.error);
  }, [refused, sales.error, onAccessRefused]);

  if (refused) return null;
  if (sales.isPending) return <p className={styles.muted}>Loading sales of {title}…</p>;
  if (sales.isError) {
    return (
      <div className={styles.error} role="alert">
        <p>
          We couldn't load the sales of {title}. {errorMessage(sales.error)}
        </p>
        <Button variant="secondary" onClick={() => void sales.refetch()}>
          Try again
        </Button>
      </div>
    );
  }
  const report = sales.data;
  return (
    <>
      <table className={styles.table}>
        <caption className="visually-hidden">Sales of {title} per tier</caption>
        <thead>
          <tr>
            <th scope="col">Tier</th>
            <th scope="col">Price</th>
            <th scope="col">Sold</th>
            <th scope="col">Held</th>
            <th scope="col">Free</th>
            <th scope="col">Revenue</th>
          </tr>
        </thead>
        <tbody>
          {report.tiers.map((tier) => (
            <tr key={tier.ticketTierId}>
              <th scope="row">{tier.name}</th>
              <td>{formatMoney(tier.price, currency)}</td>
              <td>{tier.sold}</td>
              <td>{tier.held}</td>
              <td>{tier.free}</td>
              <td>{formatMoney(tier.revenue, currency)}</td>
            </tr>
          ))}
        </tbody>
        <tfoot>
          <tr>
            <th scope="row">All tiers</th>
            <td />
            <td>{report.totals.sold}</td>
            <td>{report.totals.held}</td>
            <td>{report.totals.free}</td>
            <td>{formatMoney(report.totals.revenue, currency)}</td>
          </tr>
        </tfoot>
      </table>
      <MoneyBreakdown money={report.money} currency={currency} concertId={concertId} title={title} />
    </>
  );
}
