import { useSearchParams } from 'react-router';
import { FindBooking } from '../../features/bookings';
import { paths } from '../paths';
import styles from './find-booking-page.module.css';
import { useRefreshConcert } from '../use-refresh-concert';
import { useTranslation } from 'react-i18next';
import { BRAND } from '../brand';

/** /find-booking: look up a booking by reference and email (a link may prefill the reference). */
export function FindBookingPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const refresh = useRefreshConcert();
  return (
    <>
      <title>{t('common.pageTitle', { page: t('findBooking.title'), brand: BRAND })}</title>
      <div className={styles.intro}>
        <h1 className={styles.title}>{t('findBooking.title')}</h1>
        <p className={styles.lead}>{t('findBooking.lead')}</p>
      </div>
      <FindBooking
        initialReference={params.get('reference') ?? ''}
        onCancelled={(booking) => void refresh.everything(booking.concert.id)}
        paymentHref={paths.paymentFor}
      />
    </>
  );
}
