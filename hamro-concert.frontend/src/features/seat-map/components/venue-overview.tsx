import { useEffect, useRef, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { i18n } from '../../../i18n/i18n';
import { formatDigits } from '../../../lib/format';
import type { SeatBlockView, SeatLayout } from '../lib/seat-layout';
import { isNavigationKey, nextInRows } from '../lib/seat-navigation';
import mapStyles from './seat-map.module.css';
import { SectionHeading } from './seat-section';
import sectionStyles from './seat-section.module.css';
import styles from './venue-map.module.css';
import { useTranslation } from 'react-i18next';

interface VenueOverviewProps {
  layout: SeatLayout;
  /** How many chosen seats each block holds, by block key. */
  chosenIn: ReadonlyMap<string, number>;
  /** The block to give focus to first (the one the buyer came back from). */
  focusKey: string | null;
  onOpen: (block: SeatBlockView) => void;
}

export function blockName(block: SeatBlockView, chosen = 0): string {
  const free =
    block.available === 0
      ? i18n.t('seatMap.blockSoldOut')
      : i18n.t('seatMap.blockFreeOf', { available: block.available, total: block.total });
  const seats =
    chosen > 0 ? i18n.t('seatMap.blockChosen', { seats: i18n.t('common.seatCount', { count: chosen }) }) : '';
  return i18n.t('seatMap.blockName', { place: block.place, free, chosen: seats });
}

/**
 * A large venue at a glance: the stage, then each section as a grid of blocks shaded by how many
 * of their seats are free. One Tab stop: arrow keys move between blocks (across sections too),
 * Enter or a click opens a block.
 */
export function VenueOverview({ layout, chosenIn, focusKey, onOpen }: VenueOverviewProps) {
  const { t } = useTranslation();
  const [activeKey, setActiveKey] = useState<string | null>(focusKey);
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  const firstKey = layout.sections[0]?.blocks[0]?.key ?? null;
  const tabbableKey = activeKey && layout.blockByKey.has(activeKey) ? activeKey : firstKey;

  const blockRef = (key: string) => (element: HTMLButtonElement | null) => {
    if (element) buttons.current.set(key, element);
    else buttons.current.delete(key);
  };

  // Back from a block, focus returns to it.
  useEffect(() => {
    if (focusKey) buttons.current.get(focusKey)?.focus();
  }, [focusKey]);

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const key = (event.target as HTMLElement).dataset.blockKey;
    if (!key || !isNavigationKey(event.key) || event.altKey || event.metaKey) return;
    event.preventDefault();
    // The grid rows of every section, from the stage backwards.
    const rows = layout.sections.flatMap((section) => {
      const grid: string[][] = [];
      for (const block of section.blocks) (grid[block.gridRow] ??= []).push(block.key);
      return grid;
    });
    const next = nextInRows(rows, key, event.key);
    setActiveKey(next);
    buttons.current.get(next)?.focus();
  }

  return (
    <div className={styles.overview}>
      <div className={mapStyles.stage} aria-hidden="true">
        {t('common.stage')}
      </div>
      <div
        className={styles.sections}
        role="group"
        aria-label={t('seatMap.blocksLabel')}
        aria-describedby="seat-map-help"
        onKeyDown={onKeyDown}
      >
        {layout.sections.map((section) => (
          <div
            key={section.section}
            className={`${styles.section} ${sectionStyles[section.section]}`}
            role="group"
            aria-labelledby={`overview-${section.section}-heading`}
          >
            <SectionHeading section={section} id={`overview-${section.section}-heading`} />
            <div className={styles.blocks} style={{ '--columns': section.blockColumns } as CSSProperties}>
              {section.blocks.map((block) => {
                const chosen = chosenIn.get(block.key) ?? 0;
                const free = block.total === 0 ? 0 : block.available / block.total;
                return (
                  <button
                    key={block.key}
                    ref={blockRef(block.key)}
                    type="button"
                    className={`${styles.block} ${block.available === 0 ? styles.soldOut : ''} ${chosen > 0 ? styles.chosen : ''}`}
                    style={{ '--free': free } as CSSProperties}
                    data-block-key={block.key}
                    aria-label={blockName(block, chosen)}
                    title={blockName(block, chosen)}
                    tabIndex={block.key === tabbableKey ? 0 : -1}
                    onFocus={() => setActiveKey(block.key)}
                    onClick={() => onOpen(block)}
                  >
                    <span className={styles.blockRows} aria-hidden="true">
                      {block.firstRow === block.lastRow
                        ? t('seatMap.blockRow', { first: formatDigits(block.firstRow) })
                        : t('seatMap.blockRows', {
                            first: formatDigits(block.firstRow),
                            last: formatDigits(block.lastRow),
                          })}
                    </span>
                    <span className={styles.blockFree} aria-hidden="true">
                      {block.available === 0
                        ? t('seatMap.soldOut')
                        : t('seatMap.blockFree', { count: block.available })}
                    </span>
                  </button>
                );
              })}
            </div>
          </div>
        ))}
      </div>
    </div>
  );
}
