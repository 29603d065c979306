import type { Section } from 'hamro-concert.contracts';
import type { CSSProperties } from 'react';
import { DEFAULT_CURRENCY, formatMoney } from '../../../lib/format';
import mapStyles from './seat-map.module.css';
import styles from './seat-map-preview.module.css';
import sectionStyles from './seat-section.module.css';
import { useTranslation } from 'react-i18next';
import { i18n } from '../../../i18n/i18n';

export interface PreviewSectionLayout {
  section: Section;
  name: string;
  /** "120.00", or whatever the organizer has typed so far. */
  price: string;
  /** Seats in each row, row 1 (nearest the stage) first. */
  rows: readonly number[];
}

/** Rows and seats drawn beyond these are summarised in words, so a stadium stays quick to draw. */
const MAX_DRAWN_ROWS = 30;
const MAX_DRAWN_SEATS = 60;

function priceText(price: string): string {
  return /^\d+(\.\d{1,2})?$/.test(price.trim())
    ? formatMoney(Number(price).toFixed(2), DEFAULT_CURRENCY)
    : i18n.t('seatMap.noPrice');
}

/** A picture of a venue layout as the seat map will show it: stage, sections, rows of seats. */
export function SeatMapPreview({ sections }: { sections: readonly PreviewSectionLayout[] }) {
  const { t } = useTranslation();
  const widest = Math.min(MAX_DRAWN_SEATS, Math.max(1, ...sections.flatMap((s) => s.rows)));
  return (
    <figure
      className={styles.preview}
      aria-labelledby="seat-map-preview-caption"
      style={{ '--preview-row-max': widest } as CSSProperties}
    >
      <figcaption id="seat-map-preview-caption" className={styles.caption}>
        {t('seatMap.preview')}
      </figcaption>
      <div className={mapStyles.stage} aria-hidden="true">
        {t('common.stage')}
      </div>
      {sections.length === 0 ? <p className={styles.empty}>{t('seatMap.noSections')}</p> : null}
      {sections.map((section) => {
        const seats = section.rows.reduce((sum, n) => sum + n, 0);
        const hiddenRows = Math.max(0, section.rows.length - MAX_DRAWN_ROWS);
        return (
          <div
            key={section.section}
            className={`${sectionStyles.section} ${sectionStyles[section.section]}`}
            data-testid={`preview-${section.section}`}
          >
            <p className={sectionStyles.heading}>
              {section.name}
              <span className={sectionStyles.meta}>
                {priceText(section.price)} · {t('seatMap.rowCount', { count: section.rows.length })} ·{' '}
                {t('common.seatCount', { count: seats })}
              </span>
            </p>
            <div className={styles.rows} aria-hidden="true">
              {section.rows.slice(0, MAX_DRAWN_ROWS).map((count, index) => (
                <div key={index} className={styles.row}>
                  {Array.from({ length: Math.min(count, MAX_DRAWN_SEATS) }, (_, seat) => (
                    <span key={seat} className={styles.seat} />
                  ))}
                  {count > MAX_DRAWN_SEATS ? <span className={styles.more}>+{count - MAX_DRAWN_SEATS}</span> : null}
                </div>
              ))}
            </div>
            {hiddenRows > 0 ? (
              <p className={sectionStyles.meta}>{t('seatMap.moreRows', { count: hiddenRows })}</p>
            ) : null}
          </div>
        );
      })}
    </figure>
  );
}
