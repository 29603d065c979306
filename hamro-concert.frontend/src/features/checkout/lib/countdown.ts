import { i18n } from '../../../i18n/i18n';
/** What the live region says: only when one minute is left, not every second. */
export function countdownAnnouncement(seconds: number): string {
  return seconds > 0 && seconds <= 60 ? i18n.t('checkout.lastMinute') : '';
}
