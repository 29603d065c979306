import { useQuery } from '@tanstack/react-query';
import { PAYMENT_METHODS, type PaymentResult } from 'hamro-concert.contracts';
import { ErrorState } from '../../../components/ui/error-state';
import { lookupProblem, PaymentStatus, usePaymentBooking, type BookingLookup } from '../../../features/bookings';
import { concertQueryOptions } from '../../../features/concerts';
import { ApiError } from '../../../lib/api-client';
import { paths } from '../../paths';
import { PaymentLookup } from './payment-lookup';
import { useTranslation } from 'react-i18next';

interface PaymentOfBookingProps {
  lookup: BookingLookup;
  result: PaymentResult | null;
  /** Another reference and email, after none matched. */
  onFind: (lookup: BookingLookup) => void;
}

function isNotFound(error: unknown): boolean {
  return error instanceof ApiError && (error.code === 'booking-not-found' || error.code === 'validation-failed');
}

/**
 * One booking's payment: the booking (polled while its payment is confirmed) and, to offer the ways
 * to pay again, its concert's `paymentMethods`.
 */
export function PaymentOfBooking({ lookup, result, onFind }: PaymentOfBookingProps) {
  const { t } = useTranslation();
  const booking = usePaymentBooking(lookup, result);
  const concertId = booking.data?.concert.id;
  const concert = useQuery({ ...concertQueryOptions(concertId ?? ''), enabled: concertId !== undefined });

  if (booking.isPending) return <p role="status">{t('findBooking.lookingUp')}</p>;
  if (booking.isError) {
    if (isNotFound(booking.error)) {
      return (
        <PaymentLookup initialReference={lookup.reference} problem={lookupProblem(booking.error)} onFind={onFind} />
      );
    }
    return (
      <ErrorState
        title={t('payment.loadFailed')}
        error={booking.error}
        onRetry={() => void booking.refetch()}
        retrying={booking.isFetching}
      />
    );
  }
  return (
    <PaymentStatus
      booking={booking.data}
      lookup={lookup}
      result={result}
      // A concert that cannot be loaded offers every way: the API refuses one it does not take, in words.
      methods={concert.data?.paymentMethods ?? (concert.isError ? PAYMENT_METHODS : null)}
      concertHref={paths.concert(booking.data.concert.id)}
      onChanged={() => void booking.refetch()}
    />
  );
}
