import { isOnlinePayment, type PaymentMethod } from 'hamro-concert.contracts';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { EmailField, TextField } from '../../../components/ui/text-field';
import { formatTotal, seatsAndTotal } from '../../../lib/format';
import { providerName } from '../../../lib/payment-methods';
import type { CheckoutPayment } from '../hooks/use-checkout-payment';
import { validateDetails, type BookingDetails, type DetailErrors } from '../lib/booking-details';
import type { CheckoutSeat } from '../lib/checkout-seat';
import styles from './checkout.module.css';
import { PaymentChoice } from './payment-choice';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../../i18n/i18n';

interface BookingFormProps {
  seats: readonly CheckoutSeat[];
  /** Kept by the checkout, so they survive a new hold. */
  details: BookingDetails;
  onDetailsChange: (details: BookingDetails) => void;
  sending: boolean;
  serverErrors: DetailErrors;
  /** How the buyer pays; null for a free booking, which needs no payment. */
  payment: CheckoutPayment | null;
  onSubmit: (details: BookingDetails) => void;
}

function buttonLabel(seats: readonly CheckoutSeat[], sending: boolean, method: PaymentMethod | null): string {
  if (seats.length === 0) return i18n.t('checkout.chooseToBook');
  const what = seatsAndTotal(seats);
  if (sending) return i18n.t('checkout.booking', { what });
  return isOnlinePayment(method)
    ? i18n.t('checkout.payWith', { provider: providerName(method), total: formatTotal(seats) })
    : i18n.t('checkout.book', { what });
}

/**
 * Name and email, checked as the visitor types, then how to pay, and the button that says what it
 * will do: book, or book and pay with Khalti or eSewa.
 */
export function BookingForm({
  seats,
  details,
  onDetailsChange,
  sending,
  serverErrors,
  payment,
  onSubmit,
}: BookingFormProps) {
  const { t } = useTranslation();
  const [touched, setTouched] = useState<Record<keyof BookingDetails, boolean>>({ userName: false, userEmail: false });
  const nameInput = useRef<HTMLInputElement>(null);
  const emailInput = useRef<HTMLInputElement>(null);
  const title = useRef<HTMLHeadingElement>(null);
  // The form appears once the seats are held: take the visitor to it.
  useEffect(() => title.current?.focus(), []);
  const errors = validateDetails(details);
  const shown = (field: keyof BookingDetails) => (touched[field] ? errors[field] : undefined) ?? serverErrors[field];

  function update(field: keyof BookingDetails, value: string) {
    onDetailsChange({ ...details, [field]: value });
  }

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (sending || seats.length === 0) return;
    setTouched({ userName: true, userEmail: true });
    if (errors.userName) return nameInput.current?.focus();
    if (errors.userEmail) return emailInput.current?.focus();
    onSubmit({ userName: details.userName.trim(), userEmail: details.userEmail.trim() });
  }

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-labelledby="details-title">
      <h2 className={styles.title} id="details-title" tabIndex={-1} ref={title}>
        {t('checkout.details')}
      </h2>
      <TextField
        label={t('checkout.fullName')}
        name="name"
        autoComplete="name"
        inputRef={nameInput}
        value={details.userName}
        error={shown('userName')}
        onChange={(event) => update('userName', event.target.value)}
        onBlur={() => setTouched((was) => ({ ...was, userName: true }))}
      />
      <EmailField
        inputRef={emailInput}
        value={details.userEmail}
        error={shown('userEmail')}
        onChange={(event) => update('userEmail', event.target.value)}
        onBlur={() => setTouched((was) => ({ ...was, userEmail: true }))}
      />
      {payment ? (
        <PaymentChoice
          methods={payment.methods}
          value={payment.method}
          onChange={payment.choose}
          total={formatTotal(seats)}
          testMode={payment.testMode}
          disabled={sending}
        />
      ) : null}
      <p className={styles.hint}>
        {isOnlinePayment(payment?.method) ? t('checkout.hintOnline') : t('checkout.hintDoor')}
      </p>
      <Button type="submit" block disabled={sending || seats.length === 0 || payment?.method === null}>
        {buttonLabel(seats, sending, payment?.method ?? null)}
      </Button>
    </form>
  );
}
