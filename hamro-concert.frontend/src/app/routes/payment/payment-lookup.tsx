import { ProblemNotice } from '../../../components/ui/problem-notice';
import { FindBookingForm, type BookingLookup } from '../../../features/bookings';
import styles from '../find-booking-page.module.css';
import { useTranslation } from 'react-i18next';

interface PaymentLookupProps {
  initialReference: string;
  /** Why the last lookup found nothing, in words. */
  problem: string | null;
  onFind: (lookup: BookingLookup) => void;
}

/** Without the booking kept in this tab (another browser, storage refused): its reference and email, please. */
export function PaymentLookup({ initialReference, problem, onFind }: PaymentLookupProps) {
  const { t } = useTranslation();
  return (
    <>
      <div className={styles.intro}>
        <h1 className={styles.title}>{t('payment.pageTitle')}</h1>
        <p className={styles.lead}>{t('payment.lookupLead')}</p>
      </div>
      {problem ? (
        <ProblemNotice title={t('findBooking.notFoundTitle')}>
          <p>{problem}</p>
        </ProblemNotice>
      ) : null}
      <FindBookingForm initialReference={initialReference} searching={false} onFind={onFind} />
    </>
  );
}
