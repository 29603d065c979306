import { type CSSProperties } from 'react';
import { centreOnStage } from '../lib/centre-on-stage';
import type { SeatLayout, SeatView } from '../lib/seat-layout';
import { SeatGrid } from './seat-grid';
import { SeatLegend } from './seat-legend';
import styles from './seat-map.module.css';
import { VenueMap } from './venue-map';
import { useTranslation } from 'react-i18next';

interface SeatMapProps {
  layout: SeatLayout;
  isSelected: (seatId: number) => boolean;
  onToggle: (seat: SeatView) => void;
  /** Whether a seat's tier sells now; seats that are not on sale show but cannot be chosen. Default: all are. */
  isOnSale?: (seat: SeatView) => boolean;
  /** The seats chosen now, so the overview of a large venue can say which blocks hold them. */
  selectedIds?: readonly number[];
}

const onSaleAlways = () => true;

/**
 * The venue from the stage backwards. A hall shows every seat; a venue too large for that
 * (layout.large) opens on an overview of its blocks, and a buyer zooms into one to pick seats.
 */
export function SeatMap({ layout, isSelected, onToggle, isOnSale = onSaleAlways, selectedIds = [] }: SeatMapProps) {
  const { t } = useTranslation();
  const rowMax = Math.max(1, ...layout.sections.flatMap((section) => section.rows.map((row) => row.seats.length)));
  return (
    <section className={styles.map} aria-labelledby="seat-map-title">
      <div className={styles.header}>
        <h2 className={styles.title} id="seat-map-title">
          {t('seatMap.title')}
        </h2>
        <p className={styles.help} id="seat-map-help">
          {layout.large ? t('seatMap.helpLarge') : t('seatMap.help')}
        </p>
      </div>
      <SeatLegend />
      {layout.large ? (
        <VenueMap
          layout={layout}
          isSelected={isSelected}
          isOnSale={isOnSale}
          onToggle={onToggle}
          selectedIds={selectedIds}
        />
      ) : (
        <>
          <p className={styles.swipe}>{t('seatMap.swipe')}</p>
          <div className={styles.scroller} ref={centreOnStage}>
            <div className={styles.venue} style={{ '--row-max': rowMax } as CSSProperties}>
              <div className={styles.stage} aria-hidden="true">
                {t('common.stage')}
              </div>
              <SeatGrid
                sections={layout.sections}
                isSelected={isSelected}
                isOnSale={isOnSale}
                onToggle={onToggle}
                label={t('seatMap.seatsLabel')}
              />
            </div>
          </div>
        </>
      )}
    </section>
  );
}
