import type { TierSummary } from 'hamro-concert.contracts';
import { formatMoney } from '../../../lib/format';
import styles from './tier-list.module.css';
import { useTranslation } from 'react-i18next';

/** Each ticket tier with its price and how many of its seats are left. */
export function TierList({ tiers, currency }: { tiers: TierSummary[]; currency: string }) {
  const { t } = useTranslation();
  if (tiers.length === 0) return <p className={styles.left}>{t('concerts.notOnSale')}</p>;
  return (
    <ul className={styles.list} aria-label={t('concerts.prices')}>
      {tiers.map((tier) => (
        <li key={tier.id} className={styles.tier}>
          <span className={styles.name}>{tier.name}</span>
          <span className={styles.price}>{formatMoney(tier.price, currency)}</span>
          <span className={`${styles.left} ${tier.available === 0 ? styles.none : ''}`}>
            {tier.available === 0
              ? t('concerts.soldOut')
              : t('concerts.seatsLeft', { available: tier.available, total: tier.total })}
          </span>
        </li>
      ))}
    </ul>
  );
}
