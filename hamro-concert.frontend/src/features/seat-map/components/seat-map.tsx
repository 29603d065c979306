import { useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { isFree, type SeatLayout, type SeatView } from '../lib/seat-layout';
import { isNavigationKey, nextSeatId } from '../lib/seat-navigation';
import { SeatLegend } from './seat-legend';
import styles from './seat-map.module.css';
import { SeatSection } from './seat-section';

interface SeatMapProps {
  layout: SeatLayout;
  isSelected: (seatId: number) => boolean;
  onToggle: (seat: SeatView) => void;
}

/** On narrow screens the venue is wider than the view: start with the stage in the middle. */
function centreOnStage(scroller: HTMLDivElement | null) {
  if (scroller) scroller.scrollLeft = (scroller.scrollWidth - scroller.clientWidth) / 2;
}

function firstSeatId(layout: SeatLayout): number | null {
  const seats = [...layout.byId.values()];
  return (seats.find(isFree) ?? seats[0])?.id ?? null;
}

/**
 * The venue from the stage backwards. The map is one Tab stop: arrow keys move between seats,
 * Home and End jump along a row, Enter or Space chooses a seat.
 */
export function SeatMap({ layout, isSelected, onToggle }: SeatMapProps) {
  const [activeId, setActiveId] = useState<number | null>(null);
  const buttons = useRef(new Map<number, HTMLButtonElement>());
  const rowMax = Math.max(1, ...layout.sections.flatMap((section) => section.rows.map((row) => row.seats.length)));
  const tabbableId = activeId !== null && layout.byId.has(activeId) ? activeId : firstSeatId(layout);

  const seatRef = (seatId: number) => (element: HTMLButtonElement | null) => {
    if (element) buttons.current.set(seatId, element);
    else buttons.current.delete(seatId);
  };

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const seatId = Number((event.target as HTMLElement).dataset.seatId);
    if (!isNavigationKey(event.key) || !Number.isInteger(seatId) || event.altKey || event.metaKey) return;
    event.preventDefault();
    const next = nextSeatId(layout, seatId, event.key);
    setActiveId(next);
    buttons.current.get(next)?.focus();
  }

  return (
    <section className={styles.map} aria-labelledby="seat-map-title">
      <div className={styles.header}>
        <h2 className={styles.title} id="seat-map-title">
          Choose your seats
        </h2>
        <p className={styles.help} id="seat-map-help">
          Pick a seat to add it, pick it again to remove it. With a keyboard, use the arrow keys to move and Enter or
          Space to choose.
        </p>
      </div>
      <SeatLegend />
      <p className={styles.swipe}>Swipe sideways to see a whole row.</p>
      <div className={styles.scroller} ref={centreOnStage}>
        <div className={styles.venue} style={{ '--row-max': rowMax } as CSSProperties}>
          <div className={styles.stage} aria-hidden="true">
            Stage
          </div>
          <div
            className={styles.sections}
            role="group"
            aria-label="Seats, nearest the stage first"
            aria-describedby="seat-map-help"
            onKeyDown={onKeyDown}
          >
            {layout.sections.map((section) => (
              <SeatSection
                key={section.section}
                section={section}
                isSelected={isSelected}
                tabbableId={tabbableId}
                seatRef={seatRef}
                onToggle={onToggle}
                onFocusSeat={setActiveId}
              />
            ))}
          </div>
        </div>
      </div>
    </section>
  );
}
