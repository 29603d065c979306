import type { Room, RoomSettings } from 'hamro-concert.contracts';
import { i18n } from '../../../i18n/i18n';

/** The waiting room's form as typed: on or off, and its two rates. */
export interface RoomDraft {
  enabled: boolean;
  admitPerMinute: string;
  maxShopping: string;
}

export type RoomDraftErrors = Partial<Record<'admitPerMinute' | 'maxShopping', string>>;

const MOST = 1_000_000;

export function roomDraft(room: Room): RoomDraft {
  return {
    enabled: room.enabled,
    admitPerMinute: String(room.admitPerMinute),
    maxShopping: String(room.maxShopping),
  };
}

function count(text: string): number | string {
  const trimmed = text.trim();
  if (!/^\d+$/.test(trimmed)) return i18n.t('organizer.errors.wholeNumber');
  const value = Number(trimmed);
  if (value < 1) return i18n.t('organizer.errors.atLeastOne');
  if (value > MOST) return i18n.t('organizer.errors.atMost', { max: MOST });
  return value;
}

/**
 * The settings to send, or what is wrong with the draft. The pause and the times the form does not
 * show (how early visitors join, how long a pass lasts) keep what the room has.
 */
export function checkRoomDraft(
  draft: RoomDraft,
  room: Room,
): { ok: true; settings: RoomSettings } | { ok: false; errors: RoomDraftErrors } {
  const admitPerMinute = count(draft.admitPerMinute);
  const maxShopping = count(draft.maxShopping);
  if (typeof admitPerMinute === 'string' || typeof maxShopping === 'string') {
    const errors: RoomDraftErrors = {};
    if (typeof admitPerMinute === 'string') errors.admitPerMinute = admitPerMinute;
    if (typeof maxShopping === 'string') errors.maxShopping = maxShopping;
    return { ok: false, errors };
  }
  return { ok: true, settings: { ...roomSettings(room), enabled: draft.enabled, admitPerMinute, maxShopping } };
}

/** The room's settings as they are, to send back with one of them changed (such as the pause). */
export function roomSettings(room: Room): RoomSettings {
  const { enabled, admitPerMinute, maxShopping, paused, joinMinutesBefore, passMinutes } = room;
  return { enabled, admitPerMinute, maxShopping, paused, joinMinutesBefore, passMinutes };
}
