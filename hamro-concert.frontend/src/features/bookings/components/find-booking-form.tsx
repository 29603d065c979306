import { useRef, useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { EmailField, TextField } from '../../../components/ui/text-field';
import { parseLookup, type BookingLookup } from '../lib/lookup';
import styles from './bookings.module.css';
import { useTranslation } from 'react-i18next';

interface FindBookingFormProps {
  initialReference: string;
  searching: boolean;
  onFind: (lookup: BookingLookup) => void;
}

/** Reference and email, checked as the visitor types (after they leave a field or press Find). */
export function FindBookingForm({ initialReference, searching, onFind }: FindBookingFormProps) {
  const { t } = useTranslation();
  const [input, setInput] = useState<BookingLookup>({ reference: initialReference, email: '' });
  const [touched, setTouched] = useState({ reference: false, email: false });
  const referenceInput = useRef<HTMLInputElement>(null);
  const emailInput = useRef<HTMLInputElement>(null);
  const { lookup, errors } = parseLookup(input);
  const shown = (field: keyof BookingLookup) => (touched[field] ? errors[field] : undefined);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setTouched({ reference: true, email: true });
    if (errors.reference) return referenceInput.current?.focus();
    if (errors.email) return emailInput.current?.focus();
    if (lookup) onFind(lookup);
  }

  return (
    <form className={styles.form} onSubmit={submit} noValidate aria-label={t('findBooking.form')}>
      <TextField
        label={t('findBooking.reference')}
        name="reference"
        autoComplete="off"
        autoCapitalize="characters"
        spellCheck={false}
        inputRef={referenceInput}
        value={input.reference}
        error={shown('reference')}
        onChange={(event) => setInput((current) => ({ ...current, reference: event.target.value }))}
        onBlur={() => setTouched((was) => ({ ...was, reference: true }))}
      />
      <EmailField
        inputRef={emailInput}
        value={input.email}
        error={shown('email')}
        onChange={(event) => setInput((current) => ({ ...current, email: event.target.value }))}
        onBlur={() => setTouched((was) => ({ ...was, email: true }))}
      />
      <Button type="submit" disabled={searching}>
        {searching ? t('findBooking.finding') : t('findBooking.find')}
      </Button>
    </form>
  );
}
