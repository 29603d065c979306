import type { Ref } from 'react';
import { formatCents, formatDigits } from '../../../lib/format';
import type { SectionView, SeatView } from '../lib/seat-layout';
import { SeatButton } from './seat-button';
import styles from './seat-section.module.css';
import { useTranslation } from 'react-i18next';

interface SeatSectionProps {
  section: SectionView;
  isSelected: (seatId: number) => boolean;
  isOnSale: (seat: SeatView) => boolean;
  tabbableId: number | null;
  seatRef: (seatId: number) => Ref<HTMLButtonElement>;
  onToggle: (seat: SeatView) => void;
  onFocusSeat: (seatId: number) => void;
}

/** A section's name with its price and how many seats are left: what names the section's group. */
export function SectionHeading({ section, id }: { section: SectionView; id: string }) {
  const { t } = useTranslation();
  return (
    <h3 className={styles.heading} id={id}>
      {section.name}
      <span className={styles.meta}>
        {t('seatMap.sectionMeta', {
          price: formatCents(section.priceCents, section.currency),
          available: section.available,
          total: section.total,
        })}
      </span>
    </h3>
  );
}

/** One block of the venue (Front Row, VIP, General Admission), its rows in order from the stage. */
export function SeatSection({
  section,
  isSelected,
  isOnSale,
  tabbableId,
  seatRef,
  onToggle,
  onFocusSeat,
}: SeatSectionProps) {
  const { t } = useTranslation();
  const headingId = `section-${section.section}-heading`;
  return (
    <div className={`${styles.section} ${styles[section.section]}`} role="group" aria-labelledby={headingId}>
      <SectionHeading section={section} id={headingId} />
      <div className={styles.rows}>
        {section.rows.map((row) => (
          <div
            key={row.row}
            className={styles.row}
            role="group"
            aria-label={t('seatMap.rowGroup', { section: section.name, row: formatDigits(row.row) })}
          >
            <span className={styles.rowLabel} aria-hidden="true">
              {formatDigits(row.row)}
            </span>
            <div className={styles.seats}>
              {row.seats.map((seat) => (
                <SeatButton
                  key={seat.id}
                  seat={seat}
                  selected={isSelected(seat.id)}
                  onSale={isOnSale(seat)}
                  tabbable={seat.id === tabbableId}
                  buttonRef={seatRef(seat.id)}
                  onToggle={onToggle}
                  onFocusSeat={onFocusSeat}
                />
              ))}
            </div>
            <span className={styles.rowLabel} aria-hidden="true">
              {formatDigits(row.row)}
            </span>
          </div>
        ))}
      </div>
    </div>
  );
}
