import { useEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { usePinch } from '../hooks/use-pinch';
import { centreOnStage } from '../lib/centre-on-stage';
import type { SeatBlockView, SeatLayout, SeatView, SectionView } from '../lib/seat-layout';
import { SeatGrid } from './seat-grid';
import styles from './venue-map.module.css';
import mapStyles from './seat-map.module.css';
import { VenueOverview } from './venue-overview';
import { useTranslation } from 'react-i18next';

interface VenueMapProps {
  layout: SeatLayout;
  isSelected: (seatId: number) => boolean;
  isOnSale: (seat: SeatView) => boolean;
  onToggle: (seat: SeatView) => void;
  selectedIds: readonly number[];
}

/** A block shown as a section of its own, so it draws and names its seats as a hall's section does. */
function blockAsSection(layout: SeatLayout, block: SeatBlockView): SectionView {
  const section = layout.sections.find((s) => s.section === block.section)!;
  return { ...section, rows: block.rows, available: block.available, total: block.total };
}

/**
 * A large venue: the overview of its blocks, or one block's seats after a buyer zooms in (click,
 * Enter, or spreading two fingers over it); "Whole venue", Escape or pinching goes back out. Only
 * the block on screen has seat buttons, so even a stadium's page stays a few thousand elements.
 */
export function VenueMap({ layout, isSelected, isOnSale, onToggle, selectedIds }: VenueMapProps) {
  const { t } = useTranslation();
  const [openKey, setOpenKey] = useState<string | null>(null);
  const [returnKey, setReturnKey] = useState<string | null>(null);
  const blockView = useRef<HTMLDivElement>(null);
  const block = openKey ? layout.blockByKey.get(openKey) : undefined;

  const chosenIn = new Map<string, number>();
  for (const id of selectedIds) {
    const key = layout.blockOf.get(id)?.key;
    if (key) chosenIn.set(key, (chosenIn.get(key) ?? 0) + 1);
  }

  const open = (key: string) => {
    setOpenKey(key);
    setReturnKey(null);
  };
  const back = () => {
    setReturnKey(openKey);
    setOpenKey(null);
  };

  // Zoomed in, focus goes to the block's first free seat, as if the buyer had tabbed to it.
  useEffect(() => {
    if (openKey) blockView.current?.querySelector<HTMLButtonElement>('[data-seat-id][tabindex="0"]')?.focus();
  }, [openKey]);

  const pinch = usePinch({
    onSpread: (x, y) => {
      const key = (document.elementFromPoint(x, y)?.closest('[data-block-key]') as HTMLElement | null)?.dataset
        .blockKey;
      if (!block && key) open(key);
    },
    onSqueeze: () => {
      if (block) back();
    },
  });

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === 'Escape' && block) {
      event.preventDefault();
      back();
    }
  }

  if (!block) {
    return (
      <div className={styles.zoomable} {...pinch}>
        <VenueOverview layout={layout} chosenIn={chosenIn} focusKey={returnKey} onOpen={(b) => open(b.key)} />
      </div>
    );
  }

  const rowMax = Math.max(1, ...block.rows.map((row) => row.seats.length));
  return (
    <div className={styles.zoomable} ref={blockView} onKeyDown={onKeyDown} {...pinch}>
      <div className={styles.blockBar}>
        <Button variant="secondary" onClick={back}>
          {t('seatMap.wholeVenue')}
        </Button>
        <h3 className={styles.blockTitle} aria-live="polite">
          {block.place}
        </h3>
      </div>
      <div className={mapStyles.scroller} ref={centreOnStage}>
        <div className={mapStyles.venue} style={{ '--row-max': rowMax } as CSSProperties}>
          <SeatGrid
            sections={[blockAsSection(layout, block)]}
            isSelected={isSelected}
            isOnSale={isOnSale}
            onToggle={onToggle}
            label={t('seatMap.blockSeatsLabel', { place: block.place })}
          />
        </div>
      </div>
    </div>
  );
}
