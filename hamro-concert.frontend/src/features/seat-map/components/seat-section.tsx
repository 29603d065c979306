import type { Ref } from 'react';
import { formatCents, formatCount } from '../../../lib/format';
import type { SectionView, SeatView } from '../lib/seat-layout';
import { SeatButton } from './seat-button';
import styles from './seat-section.module.css';

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
  return (
    <h3 className={styles.heading} id={id}>
      {section.name}
      <span className={styles.meta}>
        {formatCents(section.priceCents, section.currency)} · {formatCount(section.available)} of{' '}
        {formatCount(section.total)} left
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
  const headingId = `section-${section.section}-heading`;
  return (
    <div className={`${styles.section} ${styles[section.section]}`} role="group" aria-labelledby={headingId}>
      <SectionHeading section={section} id={headingId} />
      <div className={styles.rows}>
        {section.rows.map((row) => (
          <div key={row.row} className={styles.row} role="group" aria-label={`${section.name}, row ${row.row}`}>
            <span className={styles.rowLabel} aria-hidden="true">
              {row.row}
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
              {row.row}
            </span>
          </div>
        ))}
      </div>
    </div>
  );
}
