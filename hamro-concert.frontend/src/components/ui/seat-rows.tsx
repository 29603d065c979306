import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

export interface SeatRow {
  key: string;
  /** Section and row, such as "VIP, row 2". */
  place: string;
  numbers: readonly string[];
  /** Anything shown after the seat numbers, such as the price. */
  extra?: ReactNode;
}

interface SeatRowsProps {
  rows: readonly SeatRow[];
  label?: string;
  /** The list looks different where it is shown: a compact summary, a receipt, a booking. */
  classNames: { list: string | undefined; item: string | undefined; place: string | undefined };
}

/** Seats one line per section and row: "VIP, row 2 · Seats 11, 12". */
export function SeatRows({ rows, label, classNames }: SeatRowsProps) {
  const { t } = useTranslation();
  return (
    <ul className={classNames.list} aria-label={label}>
      {rows.map((row) => (
        <li key={row.key} className={classNames.item}>
          <span className={classNames.place}>{row.place}</span>
          <span>{t('common.seatNumbers', { count: row.numbers.length, numbers: row.numbers.join(', ') })}</span>
          {row.extra}
        </li>
      ))}
    </ul>
  );
}
