import type { Concert } from 'hamro-concert.contracts';
import { Link } from 'react-router';
import { isSoldOut, ticketsLeftText } from './availability';
import { ConcertImage } from './concert-image';
import styles from './concert-card.module.css';
import { SalesNotice } from './sales-notice';
import { TierList } from './tier-list';
import { useTranslation } from 'react-i18next';
import { ConcertDate } from '../../../components/ui/concert-date';

/** One upcoming concert in the list; the whole card opens the concert's seat map. */
export function ConcertCard({ concert, href }: { concert: Concert; href: string }) {
  const { t } = useTranslation();
  const soldOut = isSoldOut(concert);
  const titleId = `concert-${concert.id}-title`;
  return (
    <article className={`${styles.card} ${soldOut ? styles.soldOut : ''}`} aria-labelledby={titleId}>
      <ConcertImage src={concert.image} className={styles.media} />
      <p className={`${styles.badge} ${soldOut ? styles.soldOutBadge : ''}`}>{ticketsLeftText(concert)}</p>
      <div className={styles.body}>
        <p className={styles.when}>
          <ConcertDate concert={concert} />
        </p>
        <h3 className={styles.title} id={titleId}>
          <Link to={href} className={styles.link}>
            {concert.title}
          </Link>
        </h3>
        <p className={styles.artist}>{concert.artist}</p>
        <p className={styles.where}>
          {concert.venue}, {concert.city}
        </p>
        <SalesNotice concert={concert} />
        <div className={styles.tiers}>
          <TierList tiers={concert.tiers} currency={concert.currency} />
        </div>
        <p className={styles.cta} aria-hidden="true">
          {soldOut ? t('concerts.soldOutCta') : t('concerts.chooseCta')}
        </p>
      </div>
    </article>
  );
}
