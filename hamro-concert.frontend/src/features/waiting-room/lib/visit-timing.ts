import type { Visit } from 'hamro-concert.contracts';
import { i18n } from '../../../i18n/i18n';

/** With no room (yet), ask now and then whether the organizer has turned one on. */
const OFF_POLL_MS = 60_000;
/** Never sooner than this, whatever a clock says. */
const SOONEST_MS = 1_000;
/** Joining opens on the API's clock: ask a little after the moment rather than a little before. */
const AFTER_OPENING_MS = 250;

/**
 * How long until the visit is asked again (TanStack Query's refetchInterval), or false for not
 * until the visitor acts: as the API asks (`pollAfterSeconds`), and before joining opens, no later
 * than the moment it does, so the visitor joins by themselves then. An ended pass waits for
 * "Join again".
 */
export function nextVisitIn(visit: Visit | undefined, now: number): number | false {
  if (!visit) return false;
  const asked = Math.max(SOONEST_MS, visit.pollAfterSeconds * 1000);
  switch (visit.state) {
    case 'off':
      return Math.max(asked, OFF_POLL_MS);
    case 'not-yet': {
      const opens = visit.joinsFrom === null ? Number.NaN : Date.parse(visit.joinsFrom) - now + AFTER_OPENING_MS;
      return Number.isNaN(opens) ? asked : Math.max(SOONEST_MS, Math.min(asked, opens));
    }
    case 'expired':
      return false;
    default:
      return asked;
  }
}

/** An estimated wait in words: "less than a minute", "about 4 minutes", "about 1 h 20 min". */
export function waitText(seconds: number): string {
  if (seconds < 60) return i18n.t('waitingRoom.lessThanMinute');
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return i18n.t('waitingRoom.aboutMinutes', { count: minutes });
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  return rest === 0
    ? i18n.t('waitingRoom.aboutHours', { hours })
    : i18n.t('waitingRoom.aboutHoursMinutes', { hours, minutes: rest });
}

/** Whether the visitor goes on to the seats: there is no room, or it is their turn. */
export function mayShop(visit: Visit): boolean {
  return visit.state === 'off' || visit.state === 'admitted';
}
