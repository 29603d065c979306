import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { parseResult, type BookingLookup } from '../../features/bookings';
import { rememberedPayment, rememberPayment } from '../../lib/payment-handoff';
import { PaymentLookup } from './payment/payment-lookup';
import { PaymentOfBooking } from './payment/payment-of-booking';
import { useTranslation } from 'react-i18next';
import { BRAND } from '../brand';

/** One reference's payment page; the booking is found with the email kept in this tab, or asked for. */
function Payment({ reference, search }: { reference: string | null; search: URLSearchParams }) {
  const [lookup, setLookup] = useState<BookingLookup | null>(() => rememberedPayment(reference));
  const result = parseResult(search.get('result'));
  const find = (found: BookingLookup) => {
    rememberPayment(found);
    setLookup(found);
  };
  if (!lookup) return <PaymentLookup initialReference={reference ?? ''} problem={null} onFind={find} />;
  // A new lookup starts the booking's page afresh.
  return <PaymentOfBooking key={`${lookup.reference} ${lookup.email}`} lookup={lookup} result={result} onFind={find} />;
}

/**
 * /payment?reference=…&result=paid|confirming|cancelled|failed: where the API sends the buyer back
 * from Khalti or eSewa, and where a booking awaiting payment is paid (Continue paying).
 */
export function PaymentPage() {
  const { t } = useTranslation();
  const [search] = useSearchParams();
  const reference = search.get('reference');
  return (
    <>
      <title>{t('common.pageTitle', { page: t('payment.pageTitle'), brand: BRAND })}</title>
      <Payment key={reference ?? ''} reference={reference} search={search} />
    </>
  );
}
