import { useRef, useState, type KeyboardEvent } from 'react';
import { isFree, type SectionView } from '../lib/seat-layout';
import { isNavigationKey, nextInRows } from '../lib/seat-navigation';
import type { SeatView } from '../lib/seat-layout';
import { SeatSection } from './seat-section';
import styles from './seat-map.module.css';

interface SeatGridProps {
  sections: SectionView[];
  isSelected: (seatId: number) => boolean;
  isOnSale: (seat: SeatView) => boolean;
  onToggle: (seat: SeatView) => void;
  label: string;
}

function firstSeatId(sections: SectionView[]): number | null {
  let first: number | null = null;
  for (const section of sections) {
    for (const row of section.rows) {
      for (const seat of row.seats) {
        if (isFree(seat)) return seat.id;
        first ??= seat.id;
      }
    }
  }
  return first;
}

/**
 * The seats of some sections, row by row, as one Tab stop: arrow keys move between seats, Home and
 * End jump along a row, Enter or Space chooses a seat. Focus lands first on the first free seat.
 */
export function SeatGrid({ sections, isSelected, isOnSale, onToggle, label }: SeatGridProps) {
  const [activeId, setActiveId] = useState<number | null>(null);
  const buttons = useRef(new Map<number, HTMLButtonElement>());
  const inView = activeId !== null && sections.some((s) => s.rows.some((r) => r.seats.some((x) => x.id === activeId)));
  const tabbableId = inView ? activeId : firstSeatId(sections);

  const seatRef = (seatId: number) => (element: HTMLButtonElement | null) => {
    if (element) buttons.current.set(seatId, element);
    else buttons.current.delete(seatId);
  };

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const seatId = Number((event.target as HTMLElement).dataset.seatId);
    if (!isNavigationKey(event.key) || !Number.isInteger(seatId) || event.altKey || event.metaKey) return;
    event.preventDefault();
    const rows = sections.flatMap((section) => section.rows.map((row) => row.seats.map((seat) => seat.id)));
    const next = nextInRows(rows, seatId, event.key);
    setActiveId(next);
    buttons.current.get(next)?.focus();
  }

  return (
    <div
      className={styles.sections}
      role="group"
      aria-label={label}
      aria-describedby="seat-map-help"
      onKeyDown={onKeyDown}
    >
      {sections.map((section) => (
        <SeatSection
          key={section.section}
          section={section}
          isSelected={isSelected}
          isOnSale={isOnSale}
          tabbableId={tabbableId}
          seatRef={seatRef}
          onToggle={onToggle}
          onFocusSeat={setActiveId}
        />
      ))}
    </div>
  );
}
