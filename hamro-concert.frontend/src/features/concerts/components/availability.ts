import type { Concert } from 'hamro-concert.contracts';
import { i18n } from '../../../i18n/i18n';

export function ticketsLeft(concert: Concert): number {
  return concert.tiers.reduce((sum, tier) => sum + tier.available, 0);
}

export function isSoldOut(concert: Concert): boolean {
  return concert.tiers.length > 0 && ticketsLeft(concert) === 0;
}

/** "12 tickets left", "1 ticket left", "Sold out" */
export function ticketsLeftText(concert: Concert): string {
  return isSoldOut(concert)
    ? i18n.t('concerts.soldOut')
    : i18n.t('concerts.ticketsLeft', { count: ticketsLeft(concert) });
}
