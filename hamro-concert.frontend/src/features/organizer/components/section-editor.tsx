import { TextField } from '../../../components/ui/text-field';
import { rowSeats, sectionLabel, sectionSeats, type DraftErrors, type SectionDraft } from '../lib/venue-draft';
import styles from './organizer.module.css';
import { useTranslation } from 'react-i18next';

interface SectionEditorProps {
  section: SectionDraft;
  errors: DraftErrors;
  onChange: (section: SectionDraft) => void;
}

/** One section of the venue: on or off, its tier name and price, rows × seats, and single rows. */
export function SectionEditor({ section, errors, onChange }: SectionEditorProps) {
  const key = section.section;
  const { t } = useTranslation();
  const label = sectionLabel(key);
  const rows = rowSeats(section);
  const change = (changes: Partial<SectionDraft>) => onChange({ ...section, ...changes });

  return (
    <fieldset className={`${styles.section} ${section.enabled ? '' : styles.off}`}>
      <legend className={styles.sectionLegend}>
        <label className={styles.toggle}>
          <input
            type="checkbox"
            checked={section.enabled}
            onChange={(event) => change({ enabled: event.target.checked })}
          />
          <span>{t('organizer.sell', { section: label })}</span>
        </label>
      </legend>
      {section.enabled ? (
        <>
          <div className={styles.grid}>
            <TextField
              label={t('organizer.tierName', { section: label })}
              value={section.name}
              error={errors[`${key}.name`]}
              onChange={(event) => change({ name: event.target.value })}
            />
            <TextField
              label={t('organizer.price', { section: label })}
              inputMode="decimal"
              value={section.price}
              error={errors[`${key}.price`]}
              onChange={(event) => change({ price: event.target.value })}
            />
            <TextField
              label={t('organizer.rowCount', { section: label })}
              type="number"
              min={1}
              value={section.rowCount}
              error={errors[`${key}.rowCount`]}
              onChange={(event) => change({ rowCount: event.target.value })}
            />
            <TextField
              label={t('organizer.seatsPerRow', { section: label })}
              type="number"
              min={1}
              value={section.seatsPerRow}
              error={errors[`${key}.seatsPerRow`]}
              onChange={(event) => change({ seatsPerRow: event.target.value, overrides: {} })}
            />
          </div>
          <p className={styles.sectionTotal}>
            {t('organizer.seatsIn', { seats: t('common.seatCount', { count: sectionSeats(section) }), section: label })}
          </p>
          {rows.length > 0 && rows.length <= 50 ? (
            <details className={styles.rows}>
              <summary>{t('organizer.adjustRows')}</summary>
              {errors[`${key}.rows`] ? <p className={styles.error}>{errors[`${key}.rows`]}</p> : null}
              <div className={styles.rowGrid}>
                {rows.map((_, index) => (
                  <label key={index} className={styles.rowField}>
                    <span>{t('organizer.rowSeats', { section: label, row: index + 1 })}</span>
                    <input
                      type="number"
                      min={1}
                      value={section.overrides[index + 1] ?? section.seatsPerRow}
                      onChange={(event) =>
                        change({ overrides: { ...section.overrides, [index + 1]: event.target.value } })
                      }
                    />
                  </label>
                ))}
              </div>
            </details>
          ) : null}
        </>
      ) : null}
    </fieldset>
  );
}
