import type { Room, RoomSettings } from 'hamro-concert.contracts';
import { useState, type FormEvent } from 'react';
import { Button } from '../../../components/ui/button';
import { TextField } from '../../../components/ui/text-field';
import { checkRoomDraft, roomDraft, type RoomDraft, type RoomDraftErrors } from '../lib/room-draft';
import styles from './organizer.module.css';
import { useTranslation } from 'react-i18next';

interface RoomSettingsFormProps {
  room: Room;
  title: string;
  saving: boolean;
  /** Resolves with the room as saved, or undefined when saving failed (the panel says why). */
  onSave: (settings: RoomSettings) => Promise<Room | undefined>;
}

/**
 * On or off, buyers admitted per minute and the most shopping at once. The draft is the organizer's
 * until saved: the live figures refreshing around it leave it alone; a save shows what the API kept.
 */
export function RoomSettingsForm({ room, title, saving, onSave }: RoomSettingsFormProps) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState<RoomDraft>(() => roomDraft(room));
  const [errors, setErrors] = useState<RoomDraftErrors>({});
  const change = (fields: Partial<RoomDraft>) => setDraft((current) => ({ ...current, ...fields }));

  function submit(event: FormEvent) {
    event.preventDefault();
    const checked = checkRoomDraft(draft, room);
    setErrors(checked.ok ? {} : checked.errors);
    if (checked.ok) void onSave(checked.settings).then((saved) => saved && setDraft(roomDraft(saved)));
  }

  return (
    <form
      className={styles.roomForm}
      onSubmit={submit}
      noValidate
      aria-label={t('organizer.roomSettings', { concert: title })}
    >
      <label className={styles.toggle}>
        <input
          type="checkbox"
          checked={draft.enabled}
          onChange={(event) => change({ enabled: event.target.checked })}
        />
        {t('organizer.roomOn')}
      </label>
      <div className={styles.grid}>
        <TextField
          label={t('organizer.admitPerMinute')}
          inputMode="numeric"
          value={draft.admitPerMinute}
          error={errors.admitPerMinute}
          onChange={(event) => change({ admitPerMinute: event.target.value })}
        />
        <TextField
          label={t('organizer.maxShopping')}
          inputMode="numeric"
          value={draft.maxShopping}
          error={errors.maxShopping}
          onChange={(event) => change({ maxShopping: event.target.value })}
        />
      </div>
      <div className={styles.actions}>
        <Button type="submit" disabled={saving}>
          {saving ? t('organizer.saving') : t('organizer.saveRoom')}
        </Button>
      </div>
    </form>
  );
}
