import styles from './hold.module.css';
import { useTranslation } from 'react-i18next';

/** The hold ran out before the booking was made: say so plainly and what to do next. */
export function HoldExpiredNotice() {
  const { t } = useTranslation();
  return (
    <div className={styles.notice} role="alert">
      <p className={styles.noticeTitle}>{t('checkout.expiredTitle')}</p>
      <p>{t('checkout.expiredBody')}</p>
    </div>
  );
}
